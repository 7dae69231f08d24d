import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateDraws, drawingOrder, type OpenLot } from "../lib/points/lot-order";
import { daysUntil, describeValidity, expiryOf } from "../lib/points/validity";

const lot = fc.record({
  id: fc.uuid(),
  remaining: fc.integer({ min: 1, max: 50_000 }),
  expiresAt: fc.option(fc.integer({ min: 0, max: 10_000 }).map((day) => new Date(day * 86_400_000))),
  seq: fc.integer({ min: 1, max: 1_000_000 }),
  preferred: fc.boolean(),
});

describe("the drawing order", () => {
  it("takes exactly the amount (or all there is), never more than a lot holds, earliest expiry first", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(lot, { selector: (l) => l.id }),
        fc.integer({ min: 1, max: 200_000 }),
        (lots, amount) => {
          const { draws, shortfall } = allocateDraws(lots, amount);
          const held = lots.reduce((sum, l) => sum + l.remaining, 0);
          const drawn = draws.reduce((sum, d) => sum + d.amount, 0);
          expect(drawn + shortfall).toBe(amount);
          expect(shortfall).toBe(Math.max(0, amount - held));
          const byId = new Map(lots.map((l) => [l.id, l]));
          for (const draw of draws) expect(draw.amount).toBeLessThanOrEqual(byId.get(draw.lotId)!.remaining);
          // Only the last lot drawn may be drawn partly: every lot before it in the order is emptied.
          const order = drawingOrder(lots).map((l) => l.id);
          draws.slice(0, -1).forEach((draw) => expect(draw.amount).toBe(byId.get(draw.lotId)!.remaining));
          expect(draws.map((d) => d.lotId)).toEqual(order.slice(0, draws.length));
        },
      ),
    );
  });

  it("puts a refunded charge's own lots first, lots that never expire last, and the older credit first on a tie", () => {
    const at = (day: number) => new Date(day * 86_400_000);
    const lots: OpenLot[] = [
      { id: "never", remaining: 1, expiresAt: null, seq: 1 },
      { id: "late", remaining: 1, expiresAt: at(20), seq: 2 },
      { id: "early-new", remaining: 1, expiresAt: at(10), seq: 5 },
      { id: "early-old", remaining: 1, expiresAt: at(10), seq: 3 },
      { id: "own", remaining: 1, expiresAt: at(30), seq: 4, preferred: true },
    ];
    expect(drawingOrder(lots).map((l) => l.id)).toEqual(["own", "early-old", "early-new", "late", "never"]);
  });
});

describe("validity", () => {
  it("adds the configured days to the credit time, or never expires at 0", () => {
    const credited = new Date("2026-12-02T00:00:00Z");
    expect(expiryOf("paid", credited, { paidDays: 1_825, bonusDays: 365 })).toEqual(new Date("2031-12-01T00:00:00Z"));
    expect(expiryOf("bonus", credited, { paidDays: 1_825, bonusDays: 365 })).toEqual(new Date("2027-12-02T00:00:00Z"));
    expect(expiryOf("bonus", credited, { paidDays: 1_825, bonusDays: 0 })).toBeNull();
  });

  it("says it the way the charge page shows it, and counts days left rounded up", () => {
    expect(describeValidity(1_825, "ko")).toBe("1,825일(5년)");
    expect(describeValidity(365, "ko")).toBe("365일(1년)");
    expect(describeValidity(90, "ko")).toBe("90일");
    expect(describeValidity(0, "ko")).toBe("기간 제한 없음");
    expect(describeValidity(1_825, "en")).toBe("1,825 days (5 years)");
    expect(describeValidity(365, "en")).toBe("365 days (1 year)");
    expect(describeValidity(1, "en")).toBe("1 day");
    expect(describeValidity(0, "en")).toBe("no time limit");
    const now = new Date("2026-12-02T00:00:00Z");
    expect(daysUntil(new Date("2026-12-02T01:00:00Z"), now)).toBe(1);
    expect(daysUntil(new Date("2026-12-09T00:00:00Z"), now)).toBe(7);
  });
});
