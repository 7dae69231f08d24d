import type { Currency } from "@/lib/money/currencies";

/**
 * Every pay option, stated once: the env schema, the server's configured options, the checkout
 * request, the names on screen (messages/ payOptionNames, by id) and the refund form are derived
 * from this table. Browser-safe: a row names the variable that holds its channel key, never the
 * key. A new option is one row here, its name in both message files, and its line in README's
 * configuration table.
 */
interface PayOptionRow {
  /** Also the option's key in messages/ payOptionNames, which name it in the buyer's language. */
  id: string;
  /** PAYPAL: PayPal's own button, rendered by PortOne.loadPaymentUI (see `paymentUi`). */
  payMethod: "CARD" | "EASY_PAY" | "TRANSFER" | "MOBILE" | "VIRTUAL_ACCOUNT" | "PAYPAL";
  easyPayProvider?: "KAKAOPAY" | "NAVERPAY" | "TOSSPAY";
  /** The environment variable with the option's PortOne channel key; unset, the option is not offered. */
  channelKeyVariable: `PORTONE_CHANNEL_KEY_${string}`;
  /** The one currency the option's channel settles in: the packages are priced in it. */
  currency: Currency;
  /**
   * PortOne.loadPaymentUI's uiType where the PG's own button replaces requestPayment's window
   * (PayPal's Smart Payment Buttons); the button opens the PG's window itself.
   */
  paymentUi?: "PAYPAL_SPB";
  /** How the window opens on a PC; phones always go through a full-page redirect. */
  pcWindow: "IFRAME" | "POPUP";
  /** A deposit has no card or wallet to go back to: PortOne's cancel needs the buyer's bank account. */
  refundNeedsAccount: boolean;
  /** Cash pays (transfer, deposit) can carry a cash receipt (현금영수증) request to PortOne. */
  cashReceipt: boolean;
  /**
   * On a PortOne V1 store: the variable with the `pg` that request_pay names for this option
   * ("html5_inicis.INIpayTest", "kakaopay.TC0ONETIME"…), and its `pay_method`. The pg plays the
   * channel key's part: the payment must come back from that PG. Absent: not offered on V1
   * (the global channels are V2's).
   */
  v1?: {
    pgVariable: `PORTONE_V1_PG_${string}`;
    payMethod: "card" | "trans" | "vbank" | "phone" | "kakaopay" | "naverpay" | "tosspay";
  };
}

// KakaoPay shows its QR code in a popup on PCs; the others fit the in-page iframe. The won options
// come first: the charge page offers the first one of the buyer's currency.
const ROWS = [
  {
    id: "card",
    payMethod: "CARD",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_CARD",
    currency: "KRW",
    pcWindow: "IFRAME",
    refundNeedsAccount: false,
    cashReceipt: false,
    v1: { pgVariable: "PORTONE_V1_PG_CARD", payMethod: "card" },
  },
  {
    id: "kakaopay",
    payMethod: "EASY_PAY",
    easyPayProvider: "KAKAOPAY",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_KAKAOPAY",
    currency: "KRW",
    pcWindow: "POPUP",
    refundNeedsAccount: false,
    cashReceipt: false,
    v1: { pgVariable: "PORTONE_V1_PG_KAKAOPAY", payMethod: "kakaopay" },
  },
  {
    id: "naverpay",
    payMethod: "EASY_PAY",
    easyPayProvider: "NAVERPAY",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_NAVERPAY",
    currency: "KRW",
    pcWindow: "IFRAME",
    refundNeedsAccount: false,
    cashReceipt: false,
    v1: { pgVariable: "PORTONE_V1_PG_NAVERPAY", payMethod: "naverpay" },
  },
  {
    id: "tosspay",
    payMethod: "EASY_PAY",
    easyPayProvider: "TOSSPAY",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_TOSSPAY",
    currency: "KRW",
    pcWindow: "IFRAME",
    refundNeedsAccount: false,
    cashReceipt: false,
    v1: { pgVariable: "PORTONE_V1_PG_TOSSPAY", payMethod: "tosspay" },
  },
  {
    id: "transfer",
    payMethod: "TRANSFER",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_TRANSFER",
    currency: "KRW",
    pcWindow: "IFRAME",
    refundNeedsAccount: false,
    cashReceipt: true,
    v1: { pgVariable: "PORTONE_V1_PG_TRANSFER", payMethod: "trans" },
  },
  {
    id: "mobile",
    payMethod: "MOBILE",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_MOBILE",
    currency: "KRW",
    pcWindow: "IFRAME",
    refundNeedsAccount: false,
    cashReceipt: false,
    v1: { pgVariable: "PORTONE_V1_PG_MOBILE", payMethod: "phone" },
  },
  {
    id: "virtual_account",
    payMethod: "VIRTUAL_ACCOUNT",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_VIRTUAL_ACCOUNT",
    currency: "KRW",
    pcWindow: "IFRAME",
    refundNeedsAccount: true,
    cashReceipt: true,
    v1: { pgVariable: "PORTONE_V1_PG_VIRTUAL_ACCOUNT", payMethod: "vbank" },
  },
  // A global PG's channel (Eximbay at PortOne) for Visa, Mastercard, JCB, AMEX and UnionPay cards
  // issued abroad, charged in dollars.
  {
    id: "card_usd",
    payMethod: "CARD",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_CARD_USD",
    currency: "USD",
    pcWindow: "IFRAME",
    refundNeedsAccount: false,
    cashReceipt: false,
  },
  {
    id: "paypal",
    payMethod: "PAYPAL",
    channelKeyVariable: "PORTONE_CHANNEL_KEY_PAYPAL_USD",
    currency: "USD",
    paymentUi: "PAYPAL_SPB",
    pcWindow: "POPUP",
    refundNeedsAccount: false,
    cashReceipt: false,
  },
] as const satisfies readonly PayOptionRow[];

export type PayOptionId = (typeof ROWS)[number]["id"];
export type ChannelKeyVariable = (typeof ROWS)[number]["channelKeyVariable"];
type V1Row = Extract<(typeof ROWS)[number], { v1: object }>;
export type V1PgVariable = V1Row["v1"]["pgVariable"];
export type V1PayOptionId = V1Row["id"];
export type PayOptionDefinition = PayOptionRow & {
  id: PayOptionId;
  channelKeyVariable: ChannelKeyVariable;
  v1?: { pgVariable: V1PgVariable; payMethod: NonNullable<PayOptionRow["v1"]>["payMethod"] };
};

export const PAY_OPTION_TABLE: readonly PayOptionDefinition[] = ROWS;

export const CHANNEL_KEY_VARIABLES: readonly ChannelKeyVariable[] = ROWS.map((row) => row.channelKeyVariable);

export const V1_PG_VARIABLES: readonly V1PgVariable[] = ROWS.flatMap((row) => ("v1" in row ? [row.v1.pgVariable] : []));

/** A stored payment's option; undefined for an id no longer in the table. */
export function payOptionDefinition(id: string): PayOptionDefinition | undefined {
  return PAY_OPTION_TABLE.find((row) => row.id === id);
}

export interface PayOption extends PayOptionDefinition {
  /** V2: the channel key. V1: the `pg`, which V1 reports back as `{pg_provider}.{pg_id}`. */
  channelKey: string;
}

/**
 * The options the environment configures, in table order; the others are not offered. A V2 store
 * names a channel key per option, a V1 store a pg (`provider` as lib/portone/select-provider picks it).
 */
export function configuredPayOptions(
  variables: Partial<Record<ChannelKeyVariable | V1PgVariable, string>>,
  provider: "v2" | "v1" = "v2",
): PayOption[] {
  return PAY_OPTION_TABLE.flatMap((row) => {
    const variable = provider === "v1" ? row.v1?.pgVariable : row.channelKeyVariable;
    const channelKey = variable && variables[variable];
    return channelKey ? [{ ...row, channelKey }] : [];
  });
}
