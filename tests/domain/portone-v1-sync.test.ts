import { describe, expect, it } from "vitest";
import { domainSuite, newUser, pointsOf, statusOf } from "../support/domain";
import { payAtV1, v1AppEnv } from "../support/portone-v1";

// A store configured for PortOne V1: the app's one money path (checkout's pre-registration,
// syncPayment, refunds, reconciliation) runs on the V1 adapter, with no path of its own.
// Notices are heard only from PortOne V1's sender address, as an operator would configure it.
const V1_SENDER = "52.78.5.241";
const suite = domainSuite({ env: (emulator) => ({ ...v1AppEnv(emulator), PORTONE_V1_WEBHOOK_SENDERS: V1_SENDER }) });

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
  if (checkout.checkout.provider !== "v1") throw new Error("the store is not on PortOne V1");
  const { paymentId, request } = checkout.checkout;
  const paid = amount?.(request.params.amount) ?? request.params.amount;
  if (paid !== request.params.amount) await changePreparedAmount(paymentId, paid); // a PG that ignores the preparation
  const impUid = await payAtV1(suite.emulator, { ...request.params, amount: paid });
  return { userId, paymentId, impUid };
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

/** A notice posted to the app's V1 webhook route, as PortOne V1 (or a forger) sends it. */
async function postV1Notice(body: Record<string, string>, { form = false, from = V1_SENDER } = {}) {
  const { POST } = await import("@/app/api/webhooks/portone-v1/route");
  const response = await POST(
    new Request("http://localhost:3000/api/webhooks/portone-v1", {
      method: "POST",
      headers: {
        "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json",
        "X-Forwarded-For": from,
      },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("PortOne V1's notices (POST /api/webhooks/portone-v1)", () => {
  it("a paid notice, as JSON or as a form, credits once: the payment is read from V1's API", async () => {
    const { userId, paymentId, impUid } = await chargeAtV1("v1-notice@example.com");
    const notice = { imp_uid: impUid, merchant_uid: paymentId, status: "paid" };
    expect(await postV1Notice(notice)).toEqual({ status: 200, body: { outcome: "processed" } });
    expect(await postV1Notice(notice, { form: true })).toEqual({ status: 200, body: { outcome: "duplicate" } });
    expect(await statusOf(paymentId)).toMatchObject({ status: "PAID" });
    expect((await pointsOf(userId)).entries).toEqual([["charge", 10_000, 300]]);
  });

  it("a forged notice changes nothing: an unknown imp_uid, or a real one under another order", async () => {
    const victim = await chargeAtV1("v1-victim@example.com");
    const forger = await chargeAtV1("v1-forger@example.com", { amount: () => 100 });
    expect(
      await postV1Notice({ imp_uid: "imp_000000000000", merchant_uid: victim.paymentId, status: "paid" }),
    ).toMatchObject({ status: 400 });
    // The forger's own (cheap) payment named as the victim's order: V1 says it belongs elsewhere.
    expect(
      await postV1Notice({ imp_uid: forger.impUid, merchant_uid: victim.paymentId, status: "paid" }),
    ).toMatchObject({
      status: 400,
    });
    expect(await postV1Notice({ merchant_uid: victim.paymentId })).toMatchObject({ status: 400 });
    expect(await statusOf(victim.paymentId)).toMatchObject({ status: "PENDING" });
    expect((await pointsOf(victim.userId)).entries).toEqual([]);
  });

  it("refuses senders other than PortOne's configured addresses before reading the body", async () => {
    const { paymentId, impUid, userId } = await chargeAtV1("v1-sender@example.com");
    expect(
      await postV1Notice({ imp_uid: impUid, merchant_uid: paymentId, status: "paid" }, { from: "203.0.113.7" }),
    ).toMatchObject({ status: 403, body: { error: "sender_not_allowed" } });
    expect((await pointsOf(userId)).entries).toEqual([]);
  });
});
