import { describe, expect, it } from "vitest";
import { quoteRefund } from "../lib/payments/refunds/refund-quote";

const paidAt = new Date("2026-11-20T00:00:00Z");
const base = {
  status: "PAID" as const,
  paidAt,
  now: new Date("2026-11-21T00:00:00Z"),
  amount: 10_000,
  paidPoints: 10_000,
  bonusPoints: 300,
  refunded: { amount: 0, paidPoints: 0, bonusPoints: 0, inFlight: false },
  balance: { paid: 10_000, bonus: 300 },
};

describe("quoteRefund", () => {
  it("refunds everything when nothing was spent", () => {
    expect(quoteRefund(base)).toEqual({ ok: true, quote: { amount: 10_000, paidPoints: 10_000, bonusPoints: 300 } });
  });

  it("refunds the unspent part in proportion, bonus taken back in the same proportion", () => {
    expect(quoteRefund({ ...base, balance: { paid: 7_800, bonus: 300 } })).toEqual({
      ok: true,
      quote: { amount: 7_800, paidPoints: 7_800, bonusPoints: 234 },
    });
    // Bonus already spent cannot be taken back below zero.
    expect(quoteRefund({ ...base, balance: { paid: 7_800, bonus: 0 } })).toEqual({
      ok: true,
      quote: { amount: 7_800, paidPoints: 7_800, bonusPoints: 0 },
    });
  });

  it("gives the last refund exactly what is left", () => {
    const refunded = { amount: 3_333, paidPoints: 3_333, bonusPoints: 99, inFlight: false };
    expect(
      quoteRefund({ ...base, status: "PARTIALLY_REFUNDED", refunded, balance: { paid: 20_000, bonus: 500 } }),
    ).toEqual({
      ok: true,
      quote: { amount: 6_667, paidPoints: 6_667, bonusPoints: 201 },
    });
  });

  it("refuses when nothing paid is unspent, too late, not paid, or while a refund is in flight", () => {
    expect(quoteRefund({ ...base, balance: { paid: 0, bonus: 300 } })).toEqual({ ok: false, code: "nothing_unspent" });
    expect(quoteRefund({ ...base, now: new Date("2026-11-28T00:00:01Z") })).toEqual({ ok: false, code: "too_old" });
    expect(quoteRefund({ ...base, status: "PENDING" })).toEqual({ ok: false, code: "not_paid" });
    expect(quoteRefund({ ...base, refunded: { ...base.refunded, inFlight: true } })).toEqual({
      ok: false,
      code: "refund_in_progress",
    });
  });
});
