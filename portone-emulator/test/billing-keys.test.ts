import { describe, expect, it } from "vitest";
import { PayWithBillingKeyError } from "@portone/server-sdk/payment";
import { DeleteBillingKeyError, GetBillingKeyInfoError } from "@portone/server-sdk/payment/billingKey";
import {
  answerCheckout,
  channelFor,
  emulatorSuite,
  TEST_CARD_CREDENTIAL,
  uniquePaymentId,
  waitFor,
} from "./helpers.js";

const suite = emulatorSuite();

async function issueKey() {
  const { billingKeyInfo } = await suite.client.billingKey.issueBillingKey({
    method: { card: { credential: TEST_CARD_CREDENTIAL } },
    customer: { id: "user-1", name: { full: "홍길동" } },
  });
  return billingKeyInfo.billingKey;
}

describe("billing keys", () => {
  it("issues a card billing key, reads it back and sends BillingKey.Issued", async () => {
    const billingKey = await issueKey();
    expect(billingKey).toMatch(/^billing-key-/);
    const info = await suite.client.billingKey.getBillingKeyInfo({ billingKey });
    expect(info).toMatchObject({
      status: "ISSUED",
      billingKey,
      storeId: suite.emulator.config.storeId,
      customer: { id: "user-1", name: "홍길동" },
      channels: [{ type: "TEST", pgProvider: "TOSSPAYMENTS" }],
      methods: [{ type: "BillingKeyPaymentMethodCard", card: { number: "536181******1234" } }],
    });
    await waitFor(() =>
      suite.receiver.received.find(
        (webhook) => webhook.type === "BillingKey.Issued" && webhook.body.includes(billingKey),
      ),
    );
  });

  it("pays with a billing key: PAID at once with a Paid webhook; a second payment on the same id is ALREADY_PAID", async () => {
    const billingKey = await issueKey();
    const paymentId = uniquePaymentId("bk");
    const { payment } = await suite.client.payWithBillingKey({
      paymentId,
      billingKey,
      orderName: "정기 충전",
      amount: { total: 5_000 },
      currency: "KRW",
    });
    expect(payment.pgTxId).toBeTruthy();
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PAID",
      billingKey,
      amount: { total: 5_000, paid: 5_000, vat: 455 },
      method: { type: "PaymentMethodCard" },
      paidAt: payment.paidAt,
    });
    await waitFor(() => suite.receiver.forPayment(paymentId).find((webhook) => webhook.type === "Transaction.Paid"));
    const again = await suite.client
      .payWithBillingKey({ paymentId, billingKey, orderName: "x", amount: { total: 5_000 }, currency: "KRW" })
      .catch((error: unknown) => error);
    expect(again).toBeInstanceOf(PayWithBillingKeyError);
    expect((again as PayWithBillingKeyError).data.type).toBe("ALREADY_PAID");
  });

  it("refuses a billing-key payment whose amount differs from the pre-registered one with INVALID_REQUEST", async () => {
    const billingKey = await issueKey();
    const paymentId = uniquePaymentId("bk-pre");
    await suite.client.preRegisterPayment({ paymentId, totalAmount: 5_000, currency: "KRW" });
    const mismatch = await suite.client
      .payWithBillingKey({ paymentId, billingKey, orderName: "x", amount: { total: 6_000 }, currency: "KRW" })
      .catch((error: unknown) => error);
    expect(mismatch).toBeInstanceOf(PayWithBillingKeyError);
    expect((mismatch as PayWithBillingKeyError).data.type).toBe("INVALID_REQUEST");
  });

  it("a key issued in the window is announced by BillingKey.Ready, then BillingKey.Issued or .Failed", async () => {
    const keyOf = (webhook: { body: string }) =>
      (JSON.parse(webhook.body) as { data: { billingKey?: string } }).data.billingKey;
    const openWindow = async () => {
      const response = await fetch(`${suite.emulator.url}/checkout-api/billing-keys`, {
        method: "POST",
        body: JSON.stringify({
          request: {
            storeId: suite.emulator.config.storeId,
            channelKey: channelFor("CARD").key,
            billingKeyMethod: "CARD",
          },
          mode: "IFRAME",
          parentOrigin: "http://localhost:3000",
          pageUrl: "http://localhost:3000/settings",
        }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { txId: string }).txId;
    };
    const typesFor = (billingKey: string) =>
      suite.receiver.received.filter((webhook) => keyOf(webhook) === billingKey).map((webhook) => webhook.type);

    const approvedTx = await openWindow();
    const ready = await waitFor(() => suite.receiver.received.find((webhook) => webhook.type === "BillingKey.Ready"));
    const billingKey = keyOf(ready) ?? "";
    expect(billingKey).toMatch(/^billing-key-/);
    await answerCheckout(suite.emulator, approvedTx, "approve");
    await waitFor(() => typesFor(billingKey).length === 2);
    expect(typesFor(billingKey)).toEqual(["BillingKey.Ready", "BillingKey.Issued"]);
    expect(await suite.client.billingKey.getBillingKeyInfo({ billingKey })).toMatchObject({ status: "ISSUED" });

    const before = suite.receiver.received.length;
    const declinedTx = await openWindow();
    const readyAgain = await waitFor(() =>
      suite.receiver.received.slice(before).find((webhook) => webhook.type === "BillingKey.Ready"),
    );
    const declinedKey = keyOf(readyAgain) ?? "";
    await answerCheckout(suite.emulator, declinedTx, "decline");
    await waitFor(() => typesFor(declinedKey).length === 2);
    expect(typesFor(declinedKey)).toEqual(["BillingKey.Ready", "BillingKey.Failed"]);
  });

  it("deletes a billing key; paying with or deleting it again fails with the right types", async () => {
    const billingKey = await issueKey();
    const { deletedAt } = await suite.client.billingKey.deleteBillingKey({ billingKey });
    expect(await suite.client.billingKey.getBillingKeyInfo({ billingKey })).toMatchObject({
      status: "DELETED",
      deletedAt,
    });
    const again = await suite.client.billingKey.deleteBillingKey({ billingKey }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(DeleteBillingKeyError);
    expect((again as DeleteBillingKeyError).data.type).toBe("BILLING_KEY_ALREADY_DELETED");
    const pay = await suite.client
      .payWithBillingKey({
        paymentId: uniquePaymentId("bk"),
        billingKey,
        orderName: "x",
        amount: { total: 1_000 },
        currency: "KRW",
      })
      .catch((error: unknown) => error);
    expect((pay as PayWithBillingKeyError).data.type).toBe("BILLING_KEY_ALREADY_DELETED");
    const missing = await suite.client.billingKey
      .getBillingKeyInfo({ billingKey: "billing-key-missing" })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(GetBillingKeyInfoError);
    expect((missing as GetBillingKeyInfoError).data.type).toBe("BILLING_KEY_NOT_FOUND");
  });
});
