import { describe, expect, it } from "vitest";
import {
  domainSuite,
  failPortOneCalls,
  newUser,
  payAtPortOne,
  pointsOf,
  portOneView,
  statusOf,
} from "../support/domain";

const suite = domainSuite();
const CANCEL = "POST /payments/{paymentId}/cancel";

/** A card checkout whose request a hostile browser pointed at the store's transfer channel. */
function onAnotherChannel(request: Record<string, unknown>) {
  const transfer = suite.emulator.config.channels.find((channel) => channel.payMethod === "TRANSFER")!;
  return { ...request, channelKey: transfer.key, payMethod: "TRANSFER" };
}

async function rejectedWithFailedCancel(email: string, failedCancels: number) {
  const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
  const userId = await newUser(email);
  const paymentId = await payAtPortOne(suite, userId, { packageId: "points-1000", tamper: onAnotherChannel });
  await failPortOneCalls(suite, paymentId, failedCancels, CANCEL);
  expect(await syncPayment(paymentId)).toMatchObject({ ok: true, status: "REJECTED" });
  expect(await portOneView(suite, paymentId)).toMatchObject({ status: "PAID", cancelled: 0 });
  expect((await statusOf(paymentId))?.releasedAt).toBeNull();
  return { userId, paymentId };
}

describe("a rejected payment whose automatic cancel failed", () => {
  it("keeps no money: reconciliation cancels it at PortOne, reports it, then leaves it alone", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { userId, paymentId } = await rejectedWithFailedCancel("rejected-cancel-failed@example.com", 1);

    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(summary.rejected).toEqual([{ paymentId, released: true, action: "cancelled", portoneStatus: "CANCELLED" }]);
    expect(summary.errors).toEqual([]);
    expect(await portOneView(suite, paymentId)).toEqual({ status: "CANCELLED", total: 1_000, cancelled: 1_000 });
    expect((await statusOf(paymentId))?.releasedAt).not.toBeNull();
    expect(await pointsOf(userId)).toEqual({ balance: { paid: 0, bonus: 0 }, entries: [], violations: [] });

    expect((await reconcile({ staleAfterMinutes: 30, windowHours: 1 })).rejected).toEqual([]);
  });

  it("while PortOne keeps failing, each run reports the error and the next one tries again", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { paymentId } = await rejectedWithFailedCancel("rejected-portone-down@example.com", 2);

    const failing = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(failing.rejected).toEqual([]);
    expect(failing.errors.map((error) => error.subject)).toEqual([`rejected ${paymentId}`]);
    expect(await portOneView(suite, paymentId)).toMatchObject({ status: "PAID" });

    const next = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(next.rejected).toEqual([{ paymentId, released: true, action: "cancelled", portoneStatus: "CANCELLED" }]);
  });

  it("a rejection whose cancel went through at once is released by the sync itself", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("rejected-at-once@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-1000", tamper: onAnotherChannel });
    expect(await syncPayment(paymentId)).toMatchObject({ status: "REJECTED" });
    expect(await portOneView(suite, paymentId)).toMatchObject({ status: "CANCELLED" });
    expect((await statusOf(paymentId))?.releasedAt).not.toBeNull();
  });
});
