/**
 * The ways to register a payment method for automatic charges, stated once: the env schema, the
 * registration request, the payment-methods page and the automatic charge's pay option derive from
 * this table; each is named under `paymentMethodNames.<id>` in messages/*.json. Browser-safe: a
 * row names the variable with its billing channel key, never the key.
 * Each wallet's recurring payments (카카오페이 정기결제, 네이버페이 정기결제, 토스페이 자동결제) are a
 * contract and a channel of their own at PortOne, apart from the one-off checkout channel.
 */
interface BillingOptionRow {
  /** Also the automatic charge's pay option (lib/payments/catalog/pay-option-table ids). */
  id: "card" | "kakaopay" | "naverpay" | "tosspay";
  billingKeyMethod: "CARD" | "EASY_PAY";
  easyPayProvider?: "KAKAOPAY" | "NAVERPAY" | "TOSSPAY";
  channelKeyVariable: `PORTONE_CHANNEL_KEY_BILLING${string}`;
  /** How the issuing window opens on a PC (KakaoPay's QR code needs a popup); phones redirect. */
  pcWindow: "IFRAME" | "POPUP";
}

const ROWS = [
  {
    id: "card",
    billingKeyMethod: "CARD",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_BILLING",
    pcWindow: "IFRAME",
  },
  {
    id: "kakaopay",
    billingKeyMethod: "EASY_PAY",
    easyPayProvider: "KAKAOPAY",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_BILLING_KAKAOPAY",
    pcWindow: "POPUP",
  },
  {
    id: "naverpay",
    billingKeyMethod: "EASY_PAY",
    easyPayProvider: "NAVERPAY",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_BILLING_NAVERPAY",
    pcWindow: "IFRAME",
  },
  {
    id: "tosspay",
    billingKeyMethod: "EASY_PAY",
    easyPayProvider: "TOSSPAY",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_BILLING_TOSSPAY",
    pcWindow: "IFRAME",
  },
] as const satisfies readonly BillingOptionRow[];

export type BillingOptionId = (typeof ROWS)[number]["id"];
export type BillingChannelVariable = (typeof ROWS)[number]["channelKeyVariable"];
export type BillingOption = BillingOptionRow & { id: BillingOptionId; channelKeyVariable: BillingChannelVariable };

export const BILLING_OPTIONS: readonly BillingOption[] = ROWS;
export const BILLING_OPTION_IDS = ROWS.map((row) => row.id) as [BillingOptionId, ...BillingOptionId[]];
export const BILLING_CHANNEL_VARIABLES: readonly BillingChannelVariable[] = ROWS.map((row) => row.channelKeyVariable);

export const billingOption = (id: string): BillingOption | undefined => BILLING_OPTIONS.find((row) => row.id === id);
