import type { EasyPayProvider } from "@portone/server-sdk/common";
import type {
  BillingKeyInfo,
  BillingKeyPaymentMethod,
  BillingKeyPaymentMethodCard,
} from "@portone/server-sdk/payment/billingKey";
import type { Emulator } from "../context.js";
import { selectedChannel } from "./payment-view.js";
import { newBillingKey } from "./ids.js";
import type { BillingKeyRecord } from "./state.js";
import { nowIso } from "./time.js";

/** What the issuing request supplies; the emulator adds the key, store and times. */
export type NewBillingKey = Omit<
  BillingKeyRecord,
  "billingKey" | "storeId" | "requestedAt" | "issuedAt" | "deletedAt"
> & {
  skipWebhook?: boolean;
  /** A key reserved when the issuing window opened (BillingKey.Ready named it); else a new one. */
  billingKey?: string;
};

export function issueBillingKey(emulator: Emulator, input: NewBillingKey): BillingKeyRecord {
  const at = nowIso();
  const { skipWebhook, billingKey, ...fields } = input;
  const record: BillingKeyRecord = {
    ...fields,
    billingKey: billingKey ?? newBillingKey(),
    storeId: emulator.config.storeId,
    requestedAt: at,
    issuedAt: at,
  };
  emulator.state.billingKeys.set(record.billingKey, record);
  emulator.state.persist();
  if (!skipWebhook) emitBillingKeyWebhook(emulator, record, "BillingKey.Issued");
  return record;
}

export type BillingKeyWebhookType =
  "BillingKey.Ready" | "BillingKey.Issued" | "BillingKey.Failed" | "BillingKey.Deleted";

export function emitBillingKeyWebhook(
  emulator: Emulator,
  record: Pick<BillingKeyRecord, "billingKey" | "storeId" | "noticeUrls">,
  type: BillingKeyWebhookType,
): void {
  emulator.webhooks.send({
    type,
    data: { billingKey: record.billingKey, storeId: record.storeId },
    noticeUrls: record.noticeUrls,
  });
}

export function toBillingKeyInfo(emulator: Emulator, record: BillingKeyRecord): BillingKeyInfo {
  const channel = selectedChannel(emulator.config, record.channelKey);
  const common = {
    billingKey: record.billingKey,
    merchantId: emulator.config.merchantId,
    storeId: record.storeId,
    methods: [billingKeyMethodOf(record)],
    channels: channel ? [channel] : [],
    customer: record.customer,
    customData: record.customData,
    issueId: record.issueId,
    issueName: record.issueName,
    requestedAt: record.requestedAt,
    issuedAt: record.issuedAt,
  };
  return record.deletedAt
    ? { ...common, status: "DELETED", deletedAt: record.deletedAt }
    : { ...common, status: "ISSUED" };
}

/** The key's method as PortOne reports it: a card, or an easy-pay wallet paying by card or balance. */
function billingKeyMethodOf(record: BillingKeyRecord): BillingKeyPaymentMethod {
  const card: BillingKeyPaymentMethodCard = {
    type: "BillingKeyPaymentMethodCard",
    card: { number: record.cardNumberMasked, name: record.cardName, brand: "LOCAL", type: "CREDIT" },
  };
  if (!record.easyPay) return card;
  return {
    type: "BillingKeyPaymentMethodEasyPay",
    provider: record.easyPay.provider as EasyPayProvider,
    method: record.easyPay.method === "CARD" ? card : { type: "BillingKeyPaymentMethodEasyPayCharge" },
  };
}

/** Masks a card number the way PG responses do: first 6 and last 4 digits kept. */
export function maskCardNumber(number: string): string {
  const digits = number.replace(/\D/g, "");
  return `${digits.slice(0, 6)}${"*".repeat(Math.max(0, digits.length - 10))}${digits.slice(-4)}`;
}
