import "server-only";
import { PayWithBillingKeyError } from "@portone/server-sdk/payment";
import { DeleteBillingKeyError, GetBillingKeyInfoError } from "@portone/server-sdk/payment/billingKey";
import type { BillingKeyInfo } from "@portone/server-sdk/payment/billingKey";
import { portoneRead, portoneWrite } from "./call";
import { portone } from "./client";

/** What the app needs to know of a PortOne billing key, in our own shape. */
export interface PortOneBillingKey {
  billingKey: string;
  status: "ISSUED" | "DELETED" | "UNKNOWN";
  storeId: string;
  /** Ours: the issueId our server chose when the issuing window opened. */
  issueId: string | null;
  customerId: string | null;
  channelKeys: string[];
  /** The wallet of an easy-pay key (KAKAOPAY, …); null for a card's key. */
  easyPayProvider: string | null;
  cardName: string | null;
  /** As the PG masks it (first six and last four digits); never the whole number. */
  cardNumber: string | null;
}

/** The billing key as PortOne has it, or null when PortOne has none by that key. */
export async function fetchBillingKey(billingKey: string): Promise<PortOneBillingKey | null> {
  try {
    return toPortOneBillingKey(
      await portoneRead({ operation: "getBillingKeyInfo" }, () => portone.billingKey.getBillingKeyInfo({ billingKey })),
    );
  } catch (error) {
    if (error instanceof GetBillingKeyInfoError && error.data.type === "BILLING_KEY_NOT_FOUND") return null;
    throw error;
  }
}

function toPortOneBillingKey(info: BillingKeyInfo): PortOneBillingKey {
  const raw = info as Partial<Extract<BillingKeyInfo, { status: "ISSUED" }>> & { status: string; billingKey: string };
  const method = raw.methods?.[0];
  // A wallet's key names its wallet, and the card in it unless it pays from the wallet's balance.
  const easyPay = method?.type === "BillingKeyPaymentMethodEasyPay" ? method : undefined;
  const card = easyPay ? easyPay.method : method;
  const details = card?.type === "BillingKeyPaymentMethodCard" ? card.card : undefined;
  return {
    billingKey: raw.billingKey,
    status: raw.status === "ISSUED" || raw.status === "DELETED" ? raw.status : "UNKNOWN",
    storeId: raw.storeId ?? "",
    issueId: raw.issueId ?? null,
    customerId: raw.customer?.id ?? null,
    channelKeys: (raw.channels ?? []).flatMap((channel) => (channel.key ? [channel.key] : [])),
    easyPayProvider: easyPay ? String(easyPay.provider ?? "") : null,
    cardName: details?.name ?? null,
    cardNumber: details?.number ?? null,
  };
}

/** Deletes the key at PortOne; one already deleted (or unknown there) counts as done. */
export async function deleteBillingKeyAtPortOne(billingKey: string): Promise<void> {
  try {
    await portoneWrite({ operation: "deleteBillingKey" }, () =>
      portone.billingKey.deleteBillingKey({ billingKey, reason: "고객 요청", requester: "CUSTOMER" }),
    );
  } catch (error) {
    const type = error instanceof DeleteBillingKeyError ? String(error.data.type) : "";
    if (type === "BILLING_KEY_ALREADY_DELETED" || type === "BILLING_KEY_NOT_FOUND") return;
    throw error;
  }
}

export type BillingKeyPaymentOutcome =
  | { kind: "paid" }
  /** The card company or PortOne refused: certain, nothing was charged. */
  | { kind: "refused"; type: string; message: string }
  /** No answer, or one that does not say (5xx, timeout): the payment's state is looked up later. */
  | { kind: "unknown"; message: string };

// PortOne's answers after which no money moved. PG_PROVIDER is the card company's refusal here
// (declined, expired): the payment is FAILED at PortOne, so it is certain too.
const DEFINITE_REFUSALS = new Set([
  "INVALID_REQUEST",
  "BILLING_KEY_NOT_FOUND",
  "BILLING_KEY_ALREADY_DELETED",
  "CHANNEL_NOT_FOUND",
  "PG_PROVIDER",
  "SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT",
  "FORBIDDEN",
  "UNAUTHORIZED",
]);

/** A charge of a registered card, as the app describes it to PortOne. */
export interface BillingKeyPaymentInput {
  paymentId: string;
  billingKey: string;
  channelKey: string;
  orderName: string;
  amount: number;
  currency: string;
  customerId: string;
}

/** PortOne's BillingKeyPaymentInput for our charge: the same for a payment now and a schedule. */
export function billingKeyPayment(input: BillingKeyPaymentInput) {
  return {
    billingKey: input.billingKey,
    channelKey: input.channelKey,
    orderName: input.orderName,
    amount: { total: input.amount },
    currency: input.currency as "KRW",
    customer: { id: input.customerId },
  };
}

/** Charges a registered card (server to PortOne, no window). Asked once, like every write. */
export async function payWithBillingKey(input: BillingKeyPaymentInput): Promise<BillingKeyPaymentOutcome> {
  try {
    await portoneWrite({ operation: "payWithBillingKey", paymentId: input.paymentId }, () =>
      portone.payWithBillingKey({ paymentId: input.paymentId, ...billingKeyPayment(input) }),
    );
    return { kind: "paid" };
  } catch (error) {
    const data = error instanceof PayWithBillingKeyError ? (error.data as { type?: unknown; message?: unknown }) : {};
    const type = String(data.type ?? "");
    const message = typeof data.message === "string" ? data.message : error instanceof Error ? error.message : "";
    // ALREADY_PAID: an earlier attempt of this paymentId went through; the sync will find it PAID.
    if (type === "ALREADY_PAID") return { kind: "paid" };
    if (DEFINITE_REFUSALS.has(type)) return { kind: "refused", type, message };
    return { kind: "unknown", message };
  }
}
