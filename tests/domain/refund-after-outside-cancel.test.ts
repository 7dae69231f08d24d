import { describe, expect, it } from "vitest";
import { cancelInPortOneConsole, domainSuite, paidCharge, pointsOf, portOneView, statusOf } from "../support/domain";

const suite = domainSuite();

describe("refunding what is left after a cancellation in PortOne's console", () => {
  it("quotes and refunds the rest once the outside cancel is known", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { previewRefund, requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { userId, paymentId } = await paidCharge(suite, "rest-after-console@example.com");
    await cancelInPortOneConsole(suite, paymentId, 5_000);
    await syncPayment(paymentId);
    expect((await pointsOf(userId)).balance).toEqual({ paid: 5_000, bonus: 150 });

    const preview = await previewRefund(userId, paymentId);
    expect(preview).toEqual({ ok: true, quote: { amount: 5_000, paidPoints: 5_000, bonusPoints: 150 } });
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 5_000 })).toMatchObject({
      ok: true,
      status: "COMPLETED",
    });

    expect(await portOneView(suite, paymentId)).toEqual({ status: "CANCELLED", total: 10_000, cancelled: 10_000 });
    expect((await statusOf(paymentId))?.status).toBe("REFUNDED");
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 0, bonus: 0 },
      entries: [
        ["charge", 10_000, 300],
        ["external_cancel", -5_000, -150],
        ["refund", -5_000, -150],
      ],
      violations: [],
    });
  });

  it("refuses a quote made before the app heard of the cancel, learns it, and then refunds the new amount", async () => {
    const { previewRefund, requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { userId, paymentId } = await paidCharge(suite, "stale-quote@example.com");
    const stale = await previewRefund(userId, paymentId);
    expect(stale).toMatchObject({ ok: true, quote: { amount: 10_000 } });
    await cancelInPortOneConsole(suite, paymentId, 4_000);

    // PortOne refuses the stale amount; nothing is refunded, the points stay, the new quote is shown.
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 10_000 })).toEqual({
      ok: false,
      code: "amount_changed",
    });
    expect(await portOneView(suite, paymentId)).toEqual({
      status: "PARTIAL_CANCELLED",
      total: 10_000,
      cancelled: 4_000,
    });
    expect((await pointsOf(userId)).balance).toEqual({ paid: 6_000, bonus: 180 });
    expect(await previewRefund(userId, paymentId)).toEqual({
      ok: true,
      quote: { amount: 6_000, paidPoints: 6_000, bonusPoints: 180 },
    });

    expect(await requestRefund(userId, paymentId, { confirmedAmount: 6_000 })).toMatchObject({
      ok: true,
      status: "COMPLETED",
    });
    expect(await portOneView(suite, paymentId)).toMatchObject({ status: "CANCELLED", cancelled: 10_000 });
    expect(await pointsOf(userId)).toMatchObject({ balance: { paid: 0, bonus: 0 }, violations: [] });
  });

  it("after spending, refunds only the unspent part of what PortOne still holds", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { spendPoints } = await import("@/lib/points/spend");
    const { previewRefund, requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { userId, paymentId } = await paidCharge(suite, "spent-after-console@example.com");
    await cancelInPortOneConsole(suite, paymentId, 5_000);
    await syncPayment(paymentId);
    // 5,150 left: the bonus goes first, then 1,850 paid points.
    expect(
      await spendPoints({ userId, amount: 2_000, reference: "spend-after-console", memo: "테스트" }),
    ).toMatchObject({ ok: true });

    expect(await previewRefund(userId, paymentId)).toEqual({
      ok: true,
      quote: { amount: 3_150, paidPoints: 3_150, bonusPoints: 0 },
    });
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 3_150 })).toMatchObject({
      ok: true,
      status: "COMPLETED",
    });
    expect(await portOneView(suite, paymentId)).toEqual({
      status: "PARTIAL_CANCELLED",
      total: 10_000,
      cancelled: 8_150,
    });
    expect(await pointsOf(userId)).toMatchObject({ balance: { paid: 0, bonus: 0 }, violations: [] });
  });
});
