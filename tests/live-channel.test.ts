import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorDefaults, startEmulator, type RunningEmulator } from "portone-emulator";
import { appEnvForEmulator } from "../scripts/lib/portone";
import { usesRealPortOne } from "../lib/env-schema";
import { verificationProblem } from "../lib/payments/sync/verify";

// Against the real PortOne the app accepts only payments on LIVE channels. The emulator can report
// a channel as LIVE, so this shows, through the app's own adapter over HTTP, what the app's check
// does with each: with real-PortOne settings a TEST-channel payment is refused, a LIVE one passes.

const cardChannel = emulatorDefaults.channels.find((channel) => channel.payMethod === "CARD")!;
const transferChannel = emulatorDefaults.channels.find((channel) => channel.payMethod === "TRANSFER")!;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    webhookUrl: "",
    channels: emulatorDefaults.channels.map((channel) =>
      channel.key === cardChannel.key ? { ...channel, type: "LIVE" as const } : channel,
    ),
  });
  Object.assign(process.env, appEnvForEmulator(emulator.url, emulator.config), {
    NODE_ENV: "test",
    DATABASE_URL: "postgres://postgres@127.0.0.1:5432/unused",
    AUTH_SECRET: "live-channel-tests-auth-secret-0123456789",
    APP_URL: "http://localhost:3000",
  });
});

afterAll(async () => {
  await emulator.close();
});

/** Opens PortOne's window and approves it over HTTP, as the browser script and the tester do. */
async function paidOn(channelKey: string, payMethod: string): Promise<string> {
  const paymentId = `live-check-${payMethod}-${Date.now().toString(36)}`;
  const opened = await fetch(`${emulator.url}/checkout-api/payments`, {
    method: "POST",
    body: JSON.stringify({
      request: {
        storeId: emulator.config.storeId,
        channelKey,
        paymentId,
        orderName: "포인트 10,000P",
        totalAmount: 10_000,
        currency: "KRW",
        payMethod,
      },
      mode: "IFRAME",
      parentOrigin: "http://localhost:3000",
      pageUrl: "http://localhost:3000/charge",
    }),
  });
  const { txId } = (await opened.json()) as { txId: string };
  await fetch(`${emulator.url}/checkout/${txId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "outcome=approve",
  });
  return paymentId;
}

describe("payments on TEST and LIVE channels", () => {
  it("under real-PortOne settings, verification refuses a TEST-channel payment and accepts a LIVE one", async () => {
    const { fetchPortOnePayment } = await import("@/lib/portone/payments");
    const requireLiveChannel = usesRealPortOne({ PORTONE_API_BASE: "https://api.portone.io" });
    expect(requireLiveChannel).toBe(true);
    const expected = (channelKey: string) => ({
      storeId: emulator.config.storeId,
      channelKey,
      amount: 10_000,
      currency: "KRW",
      requireLiveChannel,
    });

    const live = await fetchPortOnePayment(await paidOn(cardChannel.key, "CARD"));
    expect(live).toMatchObject({ status: "PAID", channelType: "LIVE" });
    expect(verificationProblem(live!, expected(cardChannel.key))).toBeNull();

    const test = await fetchPortOnePayment(await paidOn(transferChannel.key, "TRANSFER"));
    expect(test).toMatchObject({ status: "PAID", channelType: "TEST" });
    expect(verificationProblem(test!, expected(transferChannel.key))).toMatch(/not LIVE/);
    // Pointed at the emulator, the app does not ask for LIVE channels.
    expect(usesRealPortOne({ PORTONE_API_BASE: emulator.url })).toBe(false);
    expect(verificationProblem(test!, { ...expected(transferChannel.key), requireLiveChannel: false })).toBeNull();
  });
});
