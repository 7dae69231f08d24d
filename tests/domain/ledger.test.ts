import { describe, expect, it } from "vitest";
import { cancelInPortOneConsole, domainSuite, newUser, payAtPortOne, pointsOf, portOneView } from "../support/domain";

const suite = domainSuite();

async function credit(userId: string, reference: string, paid: number, bonus: number) {
  const { db } = await import("@/db");
  const { appendLedgerEntry } = await import("@/lib/points/ledger");
  return db.transaction((tx) =>
    appendLedgerEntry(tx, { userId, kind: "charge", reference, paidDelta: paid, bonusDelta: bonus }),
  );
}

const spend = async (userId: string, amount: number, reference: string) => {
  const { spendPoints } = await import("@/lib/points/spend");
  return spendPoints({ userId, amount, reference, memo: "상품 구매" });
};

describe("the ledger", () => {
  it("writes an entry with the same kind and reference once, and counts it once", async () => {
    const userId = await newUser("ledger-once@example.com");
    expect(await credit(userId, "ledger-once-pay", 1_000, 50)).toBe(true);
    expect(await credit(userId, "ledger-once-pay", 1_000, 50)).toBe(false);
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 1_000, bonus: 50 },
      entries: [["charge", 1_000, 50]],
      violations: [],
    });

    // The key is the pair: a spend may carry the same reference as a charge.
    expect((await spend(userId, 100, "ledger-once-pay")).ok).toBe(true);
    expect((await pointsOf(userId)).entries).toEqual([
      ["charge", 1_000, 50],
      ["spend", -50, -50],
    ]);
  });

  it("keeps every balance equal to the sum of its entries through charges, spends and a refund", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { previewRefund, requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const userId = await newUser("ledger-mix@example.com");
    const first = await payAtPortOne(suite, userId, { packageId: "points-10000" });
    await syncPayment(first);
    await spend(userId, 500, "ledger-mix-order-1");
    const preview = await previewRefund(userId, first);
    expect(preview).toMatchObject({ ok: true, quote: { amount: 9_800 } });
    await requestRefund(userId, first, { confirmedAmount: 9_800 });
    const second = await payAtPortOne(suite, userId, { packageId: "points-5000" });
    await syncPayment(second);
    await spend(userId, 1_200, "ledger-mix-order-2");

    const { balance, entries, violations } = await pointsOf(userId);
    expect(entries).toEqual([
      ["charge", 10_000, 300],
      ["spend", -200, -300],
      ["refund", -9_800, 0],
      ["charge", 5_000, 0],
      ["spend", -1_200, 0],
    ]);
    const sum = (column: 1 | 2) => entries.reduce((total, entry) => total + Number(entry[column]), 0);
    expect(balance).toEqual({ paid: sum(1), bonus: sum(2) });
    expect(balance).toEqual({ paid: 3_800, bonus: 0 });
    expect(violations).toEqual([]);
    expect(await portOneView(suite, first)).toEqual({ status: "PARTIAL_CANCELLED", total: 10_000, cancelled: 9_800 });
  });

  it("reports a cached balance that drifted from the ledger", async () => {
    const { db } = await import("@/db");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const userId = await newUser("ledger-drift@example.com");
    await credit(userId, "ledger-drift-pay", 1_000, 0);
    await db.update(users).set({ paidBalance: 1_500 }).where(eq(users.id, userId));
    try {
      expect((await pointsOf(userId)).violations.map((violation) => violation.userId)).toEqual([userId]);
    } finally {
      await db.update(users).set({ paidBalance: 1_000 }).where(eq(users.id, userId));
    }
  });
});

describe("spending points", () => {
  it("uses bonus points first, then paid points", async () => {
    const userId = await newUser("spend-bonus-first@example.com");
    await credit(userId, "spend-bonus-first-pay", 10_000, 300);
    expect(await spend(userId, 1_000, "spend-bonus-first-order")).toMatchObject({
      ok: true,
      spent: { paid: 700, bonus: 300 },
    });
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 9_300, bonus: 0 },
      entries: [
        ["charge", 10_000, 300],
        ["spend", -700, -300],
      ],
      violations: [],
    });
  });

  it("never goes below zero: a spend larger than the balance writes nothing", async () => {
    const userId = await newUser("spend-too-much@example.com");
    await credit(userId, "spend-too-much-pay", 1_000, 100);
    expect((await spend(userId, 1_101, "spend-too-much-order")).ok).toBe(false);
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 1_000, bonus: 100 },
      entries: [["charge", 1_000, 100]],
      violations: [],
    });
  });

  it("refuses to spend one order twice", async () => {
    const userId = await newUser("spend-twice@example.com");
    await credit(userId, "spend-twice-pay", 1_000, 0);
    await spend(userId, 300, "spend-twice-order");
    await expect(spend(userId, 300, "spend-twice-order")).rejects.toThrow();
    expect((await pointsOf(userId)).balance).toEqual({ paid: 700, bonus: 0 });
  });

  it("is blocked while a cancellation outside the app left the balance negative, until a charge covers it", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("spend-blocked@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-1000" });
    await syncPayment(paymentId);
    await spend(userId, 800, "spend-blocked-order-1");
    await cancelInPortOneConsole(suite, paymentId);
    await syncPayment(paymentId);
    expect((await pointsOf(userId)).balance).toEqual({ paid: -800, bonus: 0 });

    await credit(userId, "spend-blocked-bonus", 0, 100);
    expect(await spend(userId, 50, "spend-blocked-order-2")).toMatchObject({ ok: false });
    await credit(userId, "spend-blocked-pay-2", 1_000, 0);
    expect(await spend(userId, 50, "spend-blocked-order-3")).toMatchObject({ ok: true, spent: { paid: 0, bonus: 50 } });
    expect(await pointsOf(userId)).toMatchObject({ balance: { paid: 200, bonus: 50 }, violations: [] });
  });

  it("lets exactly one of several concurrent spends of the last points succeed", async () => {
    const userId = await newUser("spend-race@example.com");
    await credit(userId, "spend-race-pay", 1_000, 0);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => spend(userId, 1_000, `spend-race-order-${index}`)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 0, bonus: 0 },
      entries: [
        ["charge", 1_000, 0],
        ["spend", -1_000, 0],
      ],
      violations: [],
    });
  });
});
