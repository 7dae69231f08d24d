import { describe, expect, it } from "vitest";
import { domainSuite, newUser, pointsOf, statusOf } from "../support/domain";
import { payAtV1, v1AppEnv } from "../support/portone-v1";

// A store configured for PortOne V1: the app's one money path (checkout's pre-registration,
// syncPayment, refunds, reconciliation) runs on the V1 adapter, with no path of its own.
const suite = domainSuite({ env: v1AppEnv });

/** The app's checkout (row + V1 preparation), then V1's window for that order. */
async function chargeAtV1(email: string, { amount }: { amount?: (price: number) => number } = {}) {
  const { createCheckout } = await import("@/lib/payments/checkout/create-checkout");
  const userId = await newUser(email);
  const checkout = await createCheckout({
    userId,
    packageId: "points-10000",
    payOptionId: "card",
    customer: { name: "테스트", email: null },
  });
  if (!checkout.ok) throw new Error(`checkout refused: ${checkout.code}`);
  const { paymentId, channelKey, totalAmount } = checkout.request;
  const paid = amount?.(totalAmount) ?? totalAmount;
  if (paid !== totalAmount) await changePreparedAmount(paymentId, paid); // a PG that ignores the preparation
  await payAtV1(suite.emulator, { merchant_uid: paymentId, amount: paid, pg: channelKey });
  return { userId, paymentId };
}

async function changePreparedAmount(merchantUid: string, amount: number) {
  const token = await fetch(`${suite.emulator.url}/users/getToken`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ imp_key: suite.emulator.config.v1ApiKey, imp_secret: suite.emulator.config.v1ApiSecret }),
  }).then(async (response) => ((await response.json()) as { response: { access_token: string } }).response);
  const response = await fetch(`${suite.emulator.url}/payments/prepare`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Authorization: token.access_token },
    body: JSON.stringify({ merchant_uid: merchantUid, amount }),
  });
  if (!response.ok) throw new Error(`PUT /payments/prepare refused: ${response.status}`);
}

describe("the money path on PortOne V1", () => {
  it("a V1 card payment is credited once by syncPayment", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { userId, paymentId } = await chargeAtV1("v1-credit@example.com");

    expect(await syncPayment(paymentId)).toMatchObject({ ok: true, status: "PAID", previousStatus: "PENDING" });
    expect(await syncPayment(paymentId)).toMatchObject({ ok: true, status: "PAID", previousStatus: "PAID" });
    const points = await pointsOf(userId);
    expect(points.entries).toEqual([["charge", 10_000, 300]]);
    expect(points.violations).toEqual([]);
    expect(await statusOf(paymentId)).toMatchObject({ status: "PAID" });
  });

  it("a V1 payment of another amount is rejected, credits nothing and is cancelled at V1", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { paymentProvider } = await import("@/lib/portone/select-provider");
    const { userId, paymentId } = await chargeAtV1("v1-tampered@example.com", { amount: () => 100 });

    expect(await syncPayment(paymentId)).toMatchObject({ ok: true, status: "REJECTED" });
    expect((await pointsOf(userId)).entries).toEqual([]);
    expect(await paymentProvider.fetchPayment(paymentId)).toMatchObject({ status: "CANCELLED", amountCancelled: 100 });
  });

  it("a refund cancels at V1 with the checksum and takes the points back", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { paymentProvider } = await import("@/lib/portone/select-provider");
    const { userId, paymentId } = await chargeAtV1("v1-refund@example.com");
    await syncPayment(paymentId);

    expect(await requestRefund(userId, paymentId, { confirmedAmount: 10_000 })).toMatchObject({
      ok: true,
      status: "COMPLETED",
    });
    expect(await paymentProvider.fetchPayment(paymentId)).toMatchObject({
      status: "CANCELLED",
      amountCancelled: 10_000,
    });
    await syncPayment(paymentId);
    const points = await pointsOf(userId);
    expect(points.balance).toEqual({ paid: 0, bonus: 0 });
    expect(points.violations).toEqual([]);
    expect(await statusOf(paymentId)).toMatchObject({ status: "REFUNDED" });
  });

  it("reconciliation finds a V1 payment nobody synced in V1's list and credits it", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { userId, paymentId } = await chargeAtV1("v1-reconcile@example.com");

    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(summary.checked.portonePayments).toBeGreaterThan(0);
    expect(await statusOf(paymentId)).toMatchObject({ status: "PAID" });
    expect((await pointsOf(userId)).entries).toEqual([["charge", 10_000, 300]]);
  });

  it("offers no automatic charges: billing keys are V2's, and a V1 store could not look their payments up", async () => {
    const { configuredBillingOptions, startPaymentMethodRegistration } = await import("@/lib/billing/payment-methods");
    expect(configuredBillingOptions()).toEqual([]);
    const userId = await newUser("v1-billing@example.com");
    expect(await startPaymentMethodRegistration({ id: userId, name: null, email: null })).toEqual({
      ok: false,
      code: "not_configured",
    });
  });
});
