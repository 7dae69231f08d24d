import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestError } from "@portone/server-sdk";
import { emulatorDefaults, type EmulatorChannel } from "../src/config.js";
import type { RunningEmulator } from "../src/server.js";
import { configFromEnv } from "../src/env.js";
import {
  channelFor,
  openCheckout,
  paymentClient,
  paymentRequest,
  payThroughCheckout,
  startTestEmulator,
  uniquePaymentId,
} from "./helpers.js";

// A channel is a PG contract: one currency (KRW unless configured) and the PG's minimum amount.

const usdCard: EmulatorChannel = {
  key: "channel-key-0e1a2b3c-0101-4a00-8000-000000000101",
  id: "channel-id-0e1a2b3c-0101-4a00-8000-000000000101",
  name: "해외 카드 USD (테스트)",
  pgProvider: "EXIMBAY_V2",
  payMethod: "CARD",
  currency: "USD",
};

const liveCard: EmulatorChannel = {
  key: "channel-key-0e1a2b3c-0102-4a00-8000-000000000102",
  id: "channel-id-0e1a2b3c-0102-4a00-8000-000000000102",
  name: "토스페이먼츠 카드 (실연동)",
  pgProvider: "TOSSPAYMENTS",
  payMethod: "CARD",
  type: "LIVE",
};

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ webhookUrl: "", channels: [...emulatorDefaults.channels, usdCard, liveCard] });
});

afterAll(async () => {
  await emulator.close();
});

async function restErrorType(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof RestError)) throw new Error(`expected a PortOne error, got ${String(error)}`);
  return (error.data as { type: string }).type;
}

describe("requestPayment", () => {
  it("refuses USD and JPY on a KRW channel, and accepts USD on a USD channel", async () => {
    for (const currency of ["USD", "JPY", "CURRENCY_USD"]) {
      const { status, body } = await openCheckout(emulator, paymentRequest({ currency }));
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: "BadRequest" });
    }
    const usd = await openCheckout(emulator, paymentRequest({ channelKey: usdCard.key, currency: "USD" }));
    expect(usd.status).toBe(200);
    const krwOnUsd = await openCheckout(emulator, paymentRequest({ channelKey: usdCard.key, currency: "KRW" }));
    expect(krwOnUsd.body).toMatchObject({ code: "BadRequest" });
  });

  it("refuses an amount under the PG's minimum of 100 KRW and a currency PortOne does not know", async () => {
    expect((await openCheckout(emulator, paymentRequest({ totalAmount: 99 }))).body).toMatchObject({
      code: "BadRequest",
    });
    expect((await openCheckout(emulator, paymentRequest({ totalAmount: 100 }))).status).toBe(200);
    expect((await openCheckout(emulator, paymentRequest({ currency: "XYZ" }))).body).toMatchObject({
      code: "BadRequest",
    });
  });
});

describe("REST", () => {
  it("pre-register refuses an unknown currency with INVALID_REQUEST and takes a known one", async () => {
    const client = paymentClient(emulator);
    expect(
      await restErrorType(client.preRegisterPayment({ paymentId: uniquePaymentId("pre"), currency: "XYZ" as "KRW" })),
    ).toBe("INVALID_REQUEST");
    await client.preRegisterPayment({ paymentId: uniquePaymentId("pre"), totalAmount: 1_000, currency: "USD" });
  });

  it("a billing-key payment in another currency or under the minimum is the PG's refusal", async () => {
    const client = paymentClient(emulator);
    const { billingKeyInfo } = await client.billingKey.issueBillingKey({
      channelKey: channelFor("CARD").key,
      method: {
        card: { credential: { number: "5361810000001234", expiryYear: "30", expiryMonth: "12" } },
      },
    });
    const pay = (total: number, currency: "KRW" | "USD" | "JPY") =>
      client.payWithBillingKey({
        paymentId: uniquePaymentId("bk"),
        billingKey: billingKeyInfo.billingKey,
        orderName: "충전",
        amount: { total },
        currency,
      });
    expect(await restErrorType(pay(1_000, "USD"))).toBe("PG_PROVIDER");
    expect(await restErrorType(pay(1_000, "JPY"))).toBe("PG_PROVIDER");
    expect(await restErrorType(pay(50, "KRW"))).toBe("PG_PROVIDER");
    expect(await restErrorType(pay(1_000, "XYZ" as "KRW"))).toBe("INVALID_REQUEST");
    expect((await pay(1_000, "KRW")).payment.paidAt).toBeTruthy();
  });
});

describe("channel type", () => {
  it("a LIVE-configured channel reports channel.type LIVE, and isTest filters by it", async () => {
    const client = paymentClient(emulator);
    const live = await payThroughCheckout(emulator, { channelKey: liveCard.key });
    const test = await payThroughCheckout(emulator);
    expect(await client.getPayment({ paymentId: live.paymentId })).toMatchObject({
      status: "PAID",
      channel: { type: "LIVE", key: liveCard.key },
    });
    expect(await client.getPayment({ paymentId: test.paymentId })).toMatchObject({ channel: { type: "TEST" } });
    const ids = async (isTest: boolean) =>
      (await client.getPayments({ page: { size: 1000 }, filter: { isTest } })).items.map((payment) =>
        "id" in payment ? payment.id : "",
      );
    expect(await ids(false)).toContain(live.paymentId);
    expect(await ids(false)).not.toContain(test.paymentId);
    expect(await ids(true)).toContain(test.paymentId);
  });

  it("PORTONE_EMULATOR_CHANNEL_TYPE=LIVE makes every channel LIVE", () => {
    const { channels } = configFromEnv({ PORTONE_EMULATOR_CHANNEL_TYPE: "LIVE" });
    expect(channels).toHaveLength(emulatorDefaults.channels.length);
    expect(channels?.every((channel) => channel.type === "LIVE")).toBe(true);
    expect(() => configFromEnv({ PORTONE_EMULATOR_CHANNEL_TYPE: "REAL" })).toThrow(/TEST or LIVE/);
  });
});
