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
import { emulatorDefaults } from "../src/config.js";

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

  it("issues an easy-pay billing key in the window: the wallet's card or its balance, reported and paid as easy pay", async () => {
    const kakaopay = emulatorDefaults.channels.find((channel) => channel.easyPayProvider === "KAKAOPAY")!;
    const issueInWindow = async (fields: Record<string, string>) => {
      const response = await fetch(`${suite.emulator.url}/checkout-api/billing-keys`, {
        method: "POST",
        body: JSON.stringify({
          request: {
            storeId: suite.emulator.config.storeId,
            channelKey: kakaopay.key,
            billingKeyMethod: "EASY_PAY",
            easyPay: { easyPayProvider: "KAKAOPAY" },
            redirectUrl: "http://localhost:3000/back",
          },
          mode: "REDIRECTION",
          parentOrigin: "http://localhost:3000",
          pageUrl: "http://localhost:3000/settings",
        }),
      });
      expect(response.status).toBe(200);
      const { txId } = (await response.json()) as { txId: string };
      const answered = await answerCheckout(suite.emulator, txId, "approve", fields);
      return new URL(answered.headers.get("location") ?? "http://x/").searchParams.get("billingKey") ?? "";
    };
    const pay = async (billingKey: string) => {
      const paymentId = uniquePaymentId("bk-easy");
      await suite.client.payWithBillingKey({
        paymentId,
        billingKey,
        channelKey: kakaopay.key,
        orderName: "자동 충전",
        amount: { total: 5_000 },
        currency: "KRW",
      });
      return suite.client.getPayment({ paymentId });
    };

    const byCard = await issueInWindow({ easyPayMethod: "CARD", cardCompany: "SHINHAN_CARD" });
    expect(await suite.client.billingKey.getBillingKeyInfo({ billingKey: byCard })).toMatchObject({
      status: "ISSUED",
      channels: [{ key: kakaopay.key }],
      methods: [
        {
          type: "BillingKeyPaymentMethodEasyPay",
          provider: "KAKAOPAY",
          method: { type: "BillingKeyPaymentMethodCard", card: { name: "신한카드" } },
        },
      ],
    });
    expect(await pay(byCard)).toMatchObject({
      status: "PAID",
      method: { type: "PaymentMethodEasyPay", provider: "KAKAOPAY", easyPayMethod: { type: "PaymentMethodCard" } },
    });

    const byBalance = await issueInWindow({ easyPayMethod: "CHARGE" });
    expect(await suite.client.billingKey.getBillingKeyInfo({ billingKey: byBalance })).toMatchObject({
      methods: [
        {
          type: "BillingKeyPaymentMethodEasyPay",
          provider: "KAKAOPAY",
          method: { type: "BillingKeyPaymentMethodEasyPayCharge" },
        },
      ],
    });
    expect(await pay(byBalance)).toMatchObject({
      method: { type: "PaymentMethodEasyPay", easyPayMethod: { type: "PaymentMethodEasyPayMethodCharge" } },
    });
  });

  it("refuses an easy-pay billing key on another wallet's channel, and billing-key methods it does not emulate", async () => {
    const kakaopay = emulatorDefaults.channels.find((channel) => channel.easyPayProvider === "KAKAOPAY")!;
    const open = (request: Record<string, unknown>) =>
      fetch(`${suite.emulator.url}/checkout-api/billing-keys`, {
        method: "POST",
        body: JSON.stringify({
          request: { storeId: suite.emulator.config.storeId, ...request },
          mode: "IFRAME",
          parentOrigin: "http://localhost:3000",
          pageUrl: "http://localhost:3000/settings",
        }),
      });
    const otherWallet = await open({
      channelKey: kakaopay.key,
      billingKeyMethod: "EASY_PAY",
      easyPay: { easyPayProvider: "NAVERPAY" },
    });
    expect(otherWallet.status).toBe(400);
    const cardOnWallet = await open({ channelKey: kakaopay.key, billingKeyMethod: "CARD" });
    expect(cardOnWallet.status).toBe(400);
    const mobile = await open({ channelKey: channelFor("MOBILE").key, billingKeyMethod: "MOBILE" });
    expect(mobile.status).toBe(400);
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
