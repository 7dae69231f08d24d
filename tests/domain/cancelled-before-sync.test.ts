import { describe, expect, it } from "vitest";
import {
  cancelInPortOneConsole,
  domainSuite,
  newUser,
  payAtPortOne,
  pointsOf,
  portOneView,
  statusOf,
} from "../support/domain";

const suite = domainSuite();

// The app never heard of these payments before PortOne's console cancelled them (webhooks lost,
// browser gone): money that arrived is still accounted for, credited and then taken back.
describe("a payment cancelled at PortOne before the app's first sync", () => {
  it("partly: the charge is credited and the cancelled part taken back, in one step", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("partly-before-sync@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-1000" });
    await cancelInPortOneConsole(suite, paymentId, 300);

    const result = await syncPayment(paymentId);
    expect(result).toMatchObject({ ok: true, previousStatus: "PENDING", status: "PARTIALLY_REFUNDED" });
    expect(await portOneView(suite, paymentId)).toEqual({ status: "PARTIAL_CANCELLED", total: 1_000, cancelled: 300 });
    // PortOne keeps 700 won: the user has 700 points.
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 700, bonus: 0 },
      entries: [
        ["charge", 1_000, 0],
        ["external_cancel", -300, 0],
      ],
      violations: [],
    });
    // Syncing again (a late webhook, the reconciler) changes nothing.
    await syncPayment(paymentId);
    expect((await pointsOf(userId)).entries).toHaveLength(2);
  });

  it("wholly: credited and taken back, the payment shows as refunded", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("wholly-before-sync@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-10000" });
    await cancelInPortOneConsole(suite, paymentId);

    await syncPayment(paymentId);
    expect((await statusOf(paymentId))?.status).toBe("REFUNDED");
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 0, bonus: 0 },
      entries: [
        ["charge", 10_000, 300],
        ["external_cancel", -10_000, -300],
      ],
      violations: [],
    });
  });

  it("is found by reconciliation, which reports the change", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const userId = await newUser("reconciled-before-sync@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-5000" });
    await cancelInPortOneConsole(suite, paymentId, 1_000);

    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(summary.changes).toContainEqual({ paymentId, from: "PENDING", to: "PARTIALLY_REFUNDED" });
    expect(summary.errors).toEqual([]);
    expect((await pointsOf(userId)).balance).toEqual({ paid: 4_000, bonus: 0 });
  });
});
