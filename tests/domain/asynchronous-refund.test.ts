import { describe, expect, it } from "vitest";
import { controlPortOne, domainSuite, paidCharge, pointsOf, portOneView, statusOf } from "../support/domain";

const suite = domainSuite();

async function refundStatuses(paymentId: string) {
  const { db } = await import("@/db");
  const { refunds } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  return (await db.select({ status: refunds.status }).from(refunds).where(eq(refunds.paymentId, paymentId))).map(
    (row) => row.status,
  );
}

/** The PG answers the requested cancellation; PortOne then tells the app by webhook. */
async function pgAnswers(paymentId: string, outcome: "succeed" | "fail", webhookType: string) {
  const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
  const payment = await (await fetch(`${suite.emulator.url}/__emulator/payments/${paymentId}`)).json();
  const requested = (payment as { cancellations: { id: string; status: string }[] }).cancellations.find(
    (entry) => entry.status === "REQUESTED",
  );
  await controlPortOne(suite, `/payments/${paymentId}/cancellations/${requested!.id}/settle`, { outcome });
  await processWebhook({ webhookId: `wh-${requested!.id}-${outcome}`, type: webhookType, paymentId });
}

describe("a refund PortOne carries out asynchronously", () => {
  it("waits, points reserved, then completes when PortOne's webhook reports the cancellation done", async () => {
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { userId, paymentId } = await paidCharge(suite, "async-refund-ok@example.com");
    await controlPortOne(suite, "/faults/cancellations", { paymentId, outcome: "pending" });

    expect(await requestRefund(userId, paymentId, { confirmedAmount: 10_000 })).toMatchObject({
      ok: true,
      status: "REQUESTED",
    });
    expect(await refundStatuses(paymentId)).toEqual(["REQUESTED"]);
    expect((await statusOf(paymentId))?.status).toBe("PAID");
    expect((await pointsOf(userId)).balance).toEqual({ paid: 0, bonus: 0 });

    await pgAnswers(paymentId, "succeed", "Transaction.Cancelled");
    expect(await refundStatuses(paymentId)).toEqual(["COMPLETED"]);
    expect((await statusOf(paymentId))?.status).toBe("REFUNDED");
    expect(await portOneView(suite, paymentId)).toEqual({ status: "CANCELLED", total: 10_000, cancelled: 10_000 });
    // The cancellation is the refund's: nothing is taken back a second time.
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 0, bonus: 0 },
      entries: [
        ["charge", 10_000, 300],
        ["refund", -10_000, -300],
      ],
      violations: [],
    });
  });

  it("gives the points back when the PG refuses the requested cancellation later", async () => {
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { userId, paymentId } = await paidCharge(suite, "async-refund-refused@example.com");
    await controlPortOne(suite, "/faults/cancellations", { paymentId, outcome: "pending" });
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 10_000 })).toMatchObject({
      ok: true,
      status: "REQUESTED",
    });

    await pgAnswers(paymentId, "fail", "Transaction.Paid");
    expect(await refundStatuses(paymentId)).toEqual(["FAILED"]);
    expect((await statusOf(paymentId))?.status).toBe("PAID");
    expect(await portOneView(suite, paymentId)).toEqual({ status: "PAID", total: 10_000, cancelled: 0 });
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 10_000, bonus: 300 },
      entries: [
        ["charge", 10_000, 300],
        ["refund", -10_000, -300],
        ["refund", 10_000, 300],
      ],
      violations: [],
    });
  });

  it("a webhook about something else while the cancel is still requested changes nothing", async () => {
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
    const { userId, paymentId } = await paidCharge(suite, "async-refund-waiting@example.com");
    await controlPortOne(suite, "/faults/cancellations", { paymentId, outcome: "pending" });
    await requestRefund(userId, paymentId, { confirmedAmount: 10_000 });
    await processWebhook({ webhookId: `wh-pending-${paymentId}`, type: "Transaction.CancelPending", paymentId });
    expect(await refundStatuses(paymentId)).toEqual(["REQUESTED"]);
    expect((await pointsOf(userId)).balance).toEqual({ paid: 0, bonus: 0 });
  });

  it("whose webhook is lost is settled by the next reconciliation, however recent", async () => {
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { userId, paymentId } = await paidCharge(suite, "async-refund-reconciled@example.com");
    await controlPortOne(suite, "/faults/cancellations", {
      paymentId,
      outcome: "pending",
      settle: "succeed",
      settleAfterMs: 50,
    });
    await requestRefund(userId, paymentId, { confirmedAmount: 10_000 });
    await expect.poll(async () => (await portOneView(suite, paymentId)).status).toBe("CANCELLED");

    const summary = await reconcile();
    expect(summary.refunds).toContainEqual({ refundId: expect.any(String), outcome: "completed" });
    expect(await refundStatuses(paymentId)).toEqual(["COMPLETED"]);
    expect((await statusOf(paymentId))?.status).toBe("REFUNDED");
    expect((await pointsOf(userId)).entries).toEqual([
      ["charge", 10_000, 300],
      ["refund", -10_000, -300],
    ]);
  });

  it("a cancel the PG refuses at once gives the points back at once", async () => {
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { userId, paymentId } = await paidCharge(suite, "refund-refused-now@example.com");
    await controlPortOne(suite, "/faults/cancellations", { paymentId, outcome: "fail" });
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 10_000 })).toMatchObject({
      ok: false,
      code: "refused_by_portone",
    });
    expect(await refundStatuses(paymentId)).toEqual(["FAILED"]);
    expect((await pointsOf(userId)).balance).toEqual({ paid: 10_000, bonus: 300 });
  });
});
