import "server-only";
import { env } from "@/lib/env";
import { PAY_OPTION_LABELS, type PayOptionId } from "./pay-option-labels";

/** How each pay option is requested from PortOne, and which channel (from env) takes it. */
export interface PayOption {
  id: PayOptionId;
  label: string;
  payMethod: "CARD" | "EASY_PAY" | "TRANSFER" | "MOBILE" | "VIRTUAL_ACCOUNT";
  easyPayProvider?: "KAKAOPAY" | "NAVERPAY" | "TOSSPAY";
  channelKey: string;
  /** How the window opens on a PC; phones always go through a full-page redirect. */
  pcWindow: "IFRAME" | "POPUP";
}

type Definition = Omit<PayOption, "label" | "channelKey" | "pcWindow"> & { channelKey: string | undefined; pcWindow?: PayOption["pcWindow"] };

// KakaoPay shows its QR code in a popup on PCs; the others fit the in-page iframe.
const DEFINITIONS: Definition[] = [
  { id: "card", payMethod: "CARD", channelKey: env.PORTONE_CHANNEL_KEY_CARD },
  { id: "kakaopay", payMethod: "EASY_PAY", easyPayProvider: "KAKAOPAY", channelKey: env.PORTONE_CHANNEL_KEY_KAKAOPAY, pcWindow: "POPUP" },
  { id: "naverpay", payMethod: "EASY_PAY", easyPayProvider: "NAVERPAY", channelKey: env.PORTONE_CHANNEL_KEY_NAVERPAY },
  { id: "tosspay", payMethod: "EASY_PAY", easyPayProvider: "TOSSPAY", channelKey: env.PORTONE_CHANNEL_KEY_TOSSPAY },
  { id: "transfer", payMethod: "TRANSFER", channelKey: env.PORTONE_CHANNEL_KEY_TRANSFER },
  { id: "mobile", payMethod: "MOBILE", channelKey: env.PORTONE_CHANNEL_KEY_MOBILE },
  { id: "virtual_account", payMethod: "VIRTUAL_ACCOUNT", channelKey: env.PORTONE_CHANNEL_KEY_VIRTUAL_ACCOUNT },
];

/** The options whose channel is configured; the others are not offered. */
export const PAY_OPTIONS: readonly PayOption[] = DEFINITIONS.flatMap((definition) =>
  definition.channelKey
    ? [{ ...definition, channelKey: definition.channelKey, pcWindow: definition.pcWindow ?? "IFRAME", label: PAY_OPTION_LABELS[definition.id] }]
    : [],
);

export function findPayOption(id: string): PayOption | undefined {
  return PAY_OPTIONS.find((option) => option.id === id);
}
