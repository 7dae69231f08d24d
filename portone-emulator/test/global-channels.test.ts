import { describe, expect, it } from "vitest";
import { emulatorDefaults } from "../src/config.js";
import { dotenvFor } from "../src/dotenv.js";
import type { RunningEmulator } from "../src/server.js";
import {
  answerCheckout,
  channelFor,
  control,
  emulatorSuite,
  openCheckout,
  openPaymentUI,
  paymentRequest,
  payPalRequest,
  payThroughCheckout,
  waitFor,
} from "./helpers.js";

// The default global channels: a foreign-card PG and PayPal, both in USD. Amounts are in the
// currency's minor unit, as PortOne's (USD 1999 = $19.99), through payment and every cancel.

const suite = emulatorSuite();

const usdCard = emulatorDefaults.channels.find(
  (channel) => channel.payMethod === "CARD" && channel.currency === "USD",
)!;
const payPal = channelFor("PAYPAL");

const usdCardRequest = (overrides: Record<string, unknown> = {}) => ({
  channelKey: usdCard.key,
  currency: "USD",
  totalAmount: 1999,
  orderName: "Points 20,000P",
  ...overrides,
});

const postPaymentUI = (emulator: RunningEmulator, path: "/check" | "", request: Record<string, unknown>) =>
  openPaymentUI(emulator, request, path);

describe("default channels", () => {
  it("keep the domestic card first, then a USD card (EXIMBAY_V2) and PayPal (PAYPAL_V2) in USD", () => {
    expect(channelFor("CARD")).toMatchObject({ pgProvider: "TOSSPAYMENTS" });
    expect(channelFor("CARD").currency ?? "KRW").toBe("KRW");
    expect(usdCard).toMatchObject({ pgProvider: "EXIMBAY_V2", currency: "USD", minAmount: 100 });
    expect(payPal).toMatchObject({ pgProvider: "PAYPAL_V2", payMethod: "PAYPAL", currency: "USD", minAmount: 100 });
  });

  it("print a currency suffix for the global channels' .env lines, never the domestic names", () => {
    const lines = dotenvFor("http://localhost:4010", emulatorDefaults);
    expect(lines).toContain(`PORTONE_CHANNEL_KEY_CARD=${channelFor("CARD").key}`);
    expect(lines).toContain(`PORTONE_CHANNEL_KEY_CARD_USD=${usdCard.key}`);
    expect(lines).toContain(`PORTONE_CHANNEL_KEY_PAYPAL_USD=${payPal.key}`);
    expect(lines.filter((line) => line.startsWith("PORTONE_CHANNEL_KEY_CARD="))).toHaveLength(1);
  });
});

describe("a USD card payment", () => {
  it("is paid in cents and cancelled in part, then in full, to the cent", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, usdCardRequest());
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PAID",
      currency: "USD",
      amount: { total: 1999, paid: 1999, cancelled: 0 },
      channel: { pgProvider: "EXIMBAY_V2", key: usdCard.key },
      method: { type: "PaymentMethodCard" },
    });

    const partial = await suite.client.cancelPayment({
      paymentId,
      reason: "일부 환불",
      amount: 550,
      currentCancellableAmount: 1999,
    });
    expect(partial.cancellation).toMatchObject({ status: "SUCCEEDED", totalAmount: 550 });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PARTIAL_CANCELLED",
      currency: "USD",
      amount: { total: 1999, paid: 1999, cancelled: 550 },
    });

    const rest = await suite.client.cancelPayment({ paymentId, reason: "나머지 환불", currentCancellableAmount: 1449 });
    expect(rest.cancellation).toMatchObject({ status: "SUCCEEDED", totalAmount: 1449 });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "CANCELLED",
      amount: { paid: 1999, cancelled: 1999 },
      cancellations: [{ totalAmount: 550 }, { totalAmount: 1449 }],
    });

    const types = () => suite.receiver.forPayment(paymentId).map((received) => received.type);
    await waitFor(() => types().includes("Transaction.Cancelled"));
    expect(types()).toEqual(
      expect.arrayContaining(["Transaction.Ready", "Transaction.Paid", "Transaction.PartialCancelled"]),
    );
  });

  it("is refused in another currency than the channel's, and under its minimum of 100 cents", async () => {
    for (const overrides of [{ currency: "KRW", totalAmount: 20_000 }, { currency: "JPY" }, { totalAmount: 99 }]) {
      const opened = await openCheckout(suite.emulator, paymentRequest(usdCardRequest(overrides)));
      expect(opened, JSON.stringify(overrides)).toMatchObject({ status: 400, body: { code: "BadRequest" } });
    }
    const usdOnKrwCard = await openCheckout(suite.emulator, paymentRequest({ currency: "USD", totalAmount: 1999 }));
    expect(usdOnKrwCard.body).toMatchObject({ code: "BadRequest", message: expect.stringContaining("USD") });
    expect((await openCheckout(suite.emulator, paymentRequest(usdCardRequest({ totalAmount: 100 })))).status).toBe(200);
  });
});

describe("PayPal (loadPaymentUI)", () => {
  it("is paid through PayPal's window: PAID in USD, an easy-pay payment by PAYPAL, with webhooks", async () => {
    const request = payPalRequest();
    // The answer names the window's language, for the button's title.
    expect(await postPaymentUI(suite.emulator, "/check", request)).toEqual({ status: 200, body: { language: "ko" } });
    // Loading the button records nothing; the click does.
    expect((await control(suite.emulator, `/payments/${String(request.paymentId)}`, undefined, "GET")).status).toBe(
      404,
    );

    const opened = await postPaymentUI(suite.emulator, "", request);
    expect(opened.status).toBe(200);
    await answerCheckout(suite.emulator, opened.body.txId!, "approve");
    const paymentId = String(request.paymentId);
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PAID",
      currency: "USD",
      amount: { total: 1999, paid: 1999 },
      channel: { pgProvider: "PAYPAL_V2" },
      method: { type: "PaymentMethodEasyPay", provider: "PAYPAL" },
    });
    await waitFor(() => suite.receiver.forPayment(paymentId).some((received) => received.type === "Transaction.Paid"));

    await suite.client.cancelPayment({ paymentId, reason: "일부 환불", amount: 1 });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PARTIAL_CANCELLED",
      amount: { cancelled: 1 },
    });
  });

  it("declined by PayPal: FAILED with PayPal's INSTRUMENT_DECLINED", async () => {
    const request = payPalRequest();
    const opened = await postPaymentUI(suite.emulator, "", request);
    await answerCheckout(suite.emulator, opened.body.txId!, "decline");
    expect(await suite.client.getPayment({ paymentId: String(request.paymentId) })).toMatchObject({
      status: "FAILED",
      failure: { pgCode: "INSTRUMENT_DECLINED" },
    });
  });

  it("refuses a non-PayPal channel, a currency PayPal's channel does not take, another uiType or windowType", async () => {
    const refusals = [
      payPalRequest({ channelKey: channelFor("CARD").key, currency: "KRW", totalAmount: 10_000 }),
      payPalRequest({ channelKey: channelFor("CARD").key, currency: "KRW", totalAmount: 10_000, payMethod: "CARD" }),
      payPalRequest({ currency: "KRW", totalAmount: 20_000 }),
      payPalRequest({ totalAmount: 50 }),
      payPalRequest({ uiType: "PAYPAL_RT" }),
      payPalRequest({ windowType: { pc: "POPUP" } }),
    ];
    for (const request of refusals) {
      for (const path of ["/check", ""] as const) {
        const answer = await postPaymentUI(suite.emulator, path, request);
        expect(answer, JSON.stringify(request)).toMatchObject({ status: 400, body: { code: "BadRequest" } });
        if (request.channelKey !== payPal.key) expect(answer.body.message).toContain("loadPaymentUI");
      }
    }
    expect(
      (await postPaymentUI(suite.emulator, "/check", payPalRequest({ windowType: { pc: "UI", mobile: "UI" } }))).status,
    ).toBe(200);
  });

  it("is not paid through requestPayment, as PortOne V2 takes PayPal only by its button", async () => {
    const opened = await openCheckout(
      suite.emulator,
      paymentRequest({ channelKey: payPal.key, payMethod: "PAYPAL", currency: "USD", totalAmount: 1999 }),
    );
    expect(opened.body).toMatchObject({ code: "BadRequest", message: expect.stringContaining("loadPaymentUI") });
  });
});
