import { describe, expect, it } from "vitest";
import { domainSuite, newUser, payAtPortOne, pointsOf, portOneView } from "../support/domain";

const suite = domainSuite();

async function rowsOf(paymentId: string) {
  const { db } = await import("@/db");
  const { payments, pointEntries, refunds } = await import("@/db/schema");
  const { asc, eq } = await import("drizzle-orm");
  const [payment] = await db
    .select({ amount: payments.amount, currency: payments.currency, status: payments.status })
    .from(payments)
    .where(eq(payments.id, paymentId));
  const refundRows = await db
    .select({ amount: refunds.amount, currency: refunds.currency, status: refunds.status })
    .from(refunds)
    .where(eq(refunds.paymentId, paymentId));
  const memos = await db
    .select({ kind: pointEntries.kind, memo: pointEntries.memo })
    .from(pointEntries)
    .where(eq(pointEntries.userId, (await ownerOf(paymentId))!))
    .orderBy(asc(pointEntries.seq));
  return { payment, refunds: refundRows, memos };
}

async function ownerOf(paymentId: string) {
  const { db } = await import("@/db");
  const { payments } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [row] = await db.select({ userId: payments.userId }).from(payments).where(eq(payments.id, paymentId));
  return row?.userId;
}

describe("a charge in dollars with the global card", () => {
  it("is priced by the package's dollar price, verified in USD and credited the package's points", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("usd-card@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-10000", payOptionId: "card_usd" });
    expect(await syncPayment(paymentId)).toMatchObject({ ok: true, status: "PAID" });

    expect(await portOneView(suite, paymentId)).toEqual({ status: "PAID", total: 799, cancelled: 0 });
    const { payment, memos } = await rowsOf(paymentId);
    expect(payment).toEqual({ amount: 799, currency: "USD", status: "PAID" });
    expect(memos).toEqual([{ kind: "charge", memo: "USD 7.99" }]);
    expect((await pointsOf(userId)).balance).toEqual({ paid: 10_000, bonus: 300 });
  });

  it("refunds the unspent part in exact cents, in dollars, and the rest is not refundable", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { spendPoints } = await import("@/lib/points/spend");
    const { previewRefund, requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const userId = await newUser("usd-refund@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-10000", payOptionId: "card_usd" });
    await syncPayment(paymentId);
    // The bonus goes first: 300 bonus and 4,000 paid points are used, 6,000 paid points are left.
    expect(await spendPoints({ userId, amount: 4_300, reference: "usd-spend", memo: "item" })).toMatchObject({
      ok: true,
    });

    // 6,000 of 10,000 paid points of $7.99: 479.4 cents, rounded down to $4.79.
    expect(await previewRefund(userId, paymentId)).toEqual({
      ok: true,
      quote: { amount: 479, paidPoints: 6_000, bonusPoints: 0 },
    });
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 479 })).toMatchObject({
      ok: true,
      status: "COMPLETED",
      currency: "USD",
      quote: { amount: 479 },
    });

    expect(await portOneView(suite, paymentId)).toEqual({ status: "PARTIAL_CANCELLED", total: 799, cancelled: 479 });
    const { payment, refunds, memos } = await rowsOf(paymentId);
    expect(payment).toMatchObject({ status: "PARTIALLY_REFUNDED", currency: "USD" });
    expect(refunds).toEqual([{ amount: 479, currency: "USD", status: "COMPLETED" }]);
    expect(memos.at(-1)).toEqual({ kind: "refund", memo: `환불 ${paymentId} · USD 4.79` });
    expect(await pointsOf(userId)).toMatchObject({ balance: { paid: 0, bonus: 0 }, violations: [] });
    expect(await previewRefund(userId, paymentId)).toEqual({ ok: false, code: "nothing_unspent" });
  });

  it("refunds all of it when nothing was spent", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const userId = await newUser("usd-full-refund@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-30000", payOptionId: "card_usd" });
    await syncPayment(paymentId);
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 2_299 })).toMatchObject({
      ok: true,
      status: "COMPLETED",
    });
    expect(await portOneView(suite, paymentId)).toEqual({ status: "CANCELLED", total: 2_299, cancelled: 2_299 });
    expect((await rowsOf(paymentId)).payment).toMatchObject({ status: "REFUNDED" });
  });

  it("is refused for a package not sold in dollars, before anything reaches PortOne", async () => {
    const { createCheckout } = await import("@/lib/payments/checkout/create-checkout");
    const userId = await newUser("usd-small@example.com");
    expect(
      await createCheckout({
        userId,
        packageId: "points-1000",
        payOptionId: "card_usd",
        customer: { name: null, email: null },
      }),
    ).toEqual({ ok: false, code: "unknown_package" });
  });

  it("asks PortOne for PayPal's button with the dollar price, an English order name and window", async () => {
    const { createCheckout } = await import("@/lib/payments/checkout/create-checkout");
    const userId = await newUser("paypal-request@example.com");
    const checkout = await createCheckout({
      userId,
      packageId: "points-10000",
      payOptionId: "paypal",
      customer: { name: "Jane Doe", email: "jane@example.com" },
      language: "en",
    });
    expect(checkout).toMatchObject({
      ok: true,
      checkout: {
        provider: "v2",
        paymentUi: {
          uiType: "PAYPAL_SPB",
          totalAmount: 799,
          currency: "USD",
          locale: "EN_US",
          orderName: "10,300 points",
          channelKey: suite.emulator.config.channels.find((channel) => channel.pgProvider === "PAYPAL_V2")!.key,
        },
      },
    });
  });
});
