import { emulatorDefaults, isKrwChannel } from "portone-emulator";
import { describe, expect, it } from "vitest";
import { appEnvForEmulator } from "../scripts/lib/portone";

// The emulator's defaults also hold global channels (a USD card, PayPal) that share pay methods
// with the app's won options: they take the dollar options' variables, never the won ones'.

describe("appEnvForEmulator", () => {
  const env = appEnvForEmulator("http://localhost:4010", emulatorDefaults);
  const domesticCard = emulatorDefaults.channels.find((channel) => channel.payMethod === "CARD")!;

  it("gives the card and card billing variables the domestic KRW card channel", () => {
    expect(isKrwChannel(domesticCard)).toBe(true);
    expect(env.PORTONE_CHANNEL_KEY_CARD).toBe(domesticCard.key);
    expect(env.PORTONE_CHANNEL_KEY_BILLING).toBe(domesticCard.key);
  });

  it("gives the global channels the options of their pay method and currency", () => {
    const global = emulatorDefaults.channels.filter((channel) => !isKrwChannel(channel));
    expect(global.map((channel) => channel.pgProvider).sort()).toEqual(["EXIMBAY_V2", "PAYPAL_V2"]);
    expect(env.PORTONE_CHANNEL_KEY_CARD_USD).toBe(global.find((channel) => channel.pgProvider === "EXIMBAY_V2")!.key);
    expect(env.PORTONE_CHANNEL_KEY_PAYPAL_USD).toBe(global.find((channel) => channel.pgProvider === "PAYPAL_V2")!.key);
    // Never a won option's or a billing key's variable.
    for (const channel of global) {
      const names = Object.entries(env)
        .filter(([, value]) => value === channel.key)
        .map(([name]) => name);
      expect(names).toHaveLength(1);
    }
  });
});
