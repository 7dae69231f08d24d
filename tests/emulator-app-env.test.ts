import { emulatorDefaults, isKrwChannel } from "portone-emulator";
import { describe, expect, it } from "vitest";
import { appEnvForEmulator } from "../scripts/lib/portone";

// The emulator's defaults also hold global channels (a USD card, PayPal) that share pay methods
// with the app's won options: they must never take the app's channel variables.

describe("appEnvForEmulator", () => {
  const env = appEnvForEmulator("http://localhost:4010", emulatorDefaults);
  const domesticCard = emulatorDefaults.channels.find((channel) => channel.payMethod === "CARD")!;

  it("gives the card and card billing variables the domestic KRW card channel", () => {
    expect(isKrwChannel(domesticCard)).toBe(true);
    expect(env.PORTONE_CHANNEL_KEY_CARD).toBe(domesticCard.key);
    expect(env.PORTONE_CHANNEL_KEY_BILLING).toBe(domesticCard.key);
  });

  it("maps no channel in another currency than KRW", () => {
    const global = emulatorDefaults.channels.filter((channel) => !isKrwChannel(channel));
    expect(global.map((channel) => channel.pgProvider).sort()).toEqual(["EXIMBAY_V2", "PAYPAL_V2"]);
    for (const channel of global) expect(Object.values(env)).not.toContain(channel.key);
  });
});
