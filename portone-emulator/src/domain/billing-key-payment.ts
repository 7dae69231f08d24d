import type { EasyPayProvider } from "@portone/server-sdk/common";
import type { PaymentMethod, PaymentMethodCard } from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import { ApiError, invalidRequest } from "../http/api-error.js";
import {
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
} from "../api/input.js";
import { cardRefusal } from "./card-outcomes.js";
import { newPgTxId, newTransactionId } from "./ids.js";
import { emitPaymentWebhook } from "./payment-events.js";
import { defaultVat, isPaidLike, type PaymentRecord } from "./payment-record.js";
import type { BillingKeyRecord } from "./state.js";
import { nowIso } from "./time.js";
import { channelRefusal } from "./channel-limits.js";
import { knownCurrency } from "./currencies.js";

/**
 * A billing-key payment as a request (BillingKeyPaymentInput) describes it, already checked: what
 * `POST /payments/{id}/billing-key` pays at once and what a payment schedule keeps until it runs.
 */
export interface BillingKeyPaymentInput {
  billingKey: string;
  channelKey?: string;
  orderName: string;
  currency: string;
  totalAmount: number;
  taxFreeAmount: number;
  vatAmount?: number;
  installmentMonth?: number;
  customData?: string;
  noticeUrls?: string[];
  skipWebhook?: boolean;
}

/** Reads a BillingKeyPaymentInput body; malformed → INVALID_REQUEST, parts above the total → SUM_OF_PARTS_…. */
export function readBillingKeyPayment(body: Record<string, unknown>): BillingKeyPaymentInput {
  const billingKey = requiredString(body, "billingKey");
  const orderName = requiredString(body, "orderName");
  const amount = optionalObject(body, "amount");
  if (!amount) throw invalidRequest("amount가 필요합니다.");
  const total = optionalInteger(amount, "total", 1);
  if (total === undefined) throw invalidRequest("amount.total이 필요합니다.");
  const taxFree = optionalInteger(amount, "taxFree") ?? 0;
  const vat = optionalInteger(amount, "vat");
  if (taxFree + (vat ?? 0) > total)
    throw new ApiError(409, "SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT", "면세 금액과 부가세의 합이 결제 금액보다 큽니다.");
  const currencyInput = requiredString(body, "currency");
  const currency = knownCurrency(currencyInput);
  if (!currency) throw invalidRequest(`알 수 없는 통화입니다: ${currencyInput}`);
  return {
    billingKey,
    channelKey: optionalString(body, "channelKey"),
    orderName,
    currency,
    totalAmount: total,
    taxFreeAmount: taxFree,
    vatAmount: vat,
    installmentMonth: optionalInteger(body, "installmentMonth"),
    customData: optionalString(body, "customData"),
    noticeUrls: optionalStringArray(body, "noticeUrls"),
    skipWebhook: optionalBoolean(body, "skipWebhook"),
  };
}

/** How a billing key pays: its card, or its easy-pay wallet (by the card in it, or the balance). */
function paidWith(billingKey: BillingKeyRecord, input: BillingKeyPaymentInput): PaymentMethod {
  const card: PaymentMethodCard = {
    type: "PaymentMethodCard",
    card: { brand: "LOCAL", type: "CREDIT", ownerType: "PERSONAL", number: billingKey.cardNumberMasked },
    installment: { month: input.installmentMonth ?? 0, isInterestFree: false },
    pointUsed: false,
  };
  if (!billingKey.easyPay) return card;
  return {
    type: "PaymentMethodEasyPay",
    provider: billingKey.easyPay.provider as EasyPayProvider,
    easyPayMethod: billingKey.easyPay.method === "CARD" ? card : { type: "PaymentMethodEasyPayMethodCharge" },
  };
}

/** A schedule still waiting for (or running) its payment holds the paymentId. */
export const holdsPaymentId = (emulator: Emulator, paymentId: string) =>
  [...emulator.state.schedules.values()].some(
    (schedule) =>
      schedule.paymentId === paymentId && (schedule.status === "SCHEDULED" || schedule.status === "STARTED"),
  );

/**
 * A server-initiated payment with a billing key (a card or an easy-pay wallet): PAID at once, or FAILED when the card
 * company declines (the caller gets PG_PROVIDER with the PG's code, as PortOne relays it).
 * `scheduleId`: the payment is a schedule's attempt, which holds the paymentId itself.
 */
export function payWithBillingKey(
  emulator: Emulator,
  paymentId: string,
  billingKey: BillingKeyRecord,
  channelKey: string,
  input: BillingKeyPaymentInput,
  scheduleId?: string,
): PaymentRecord {
  const existing = emulator.state.payments.get(paymentId);
  if (existing && isPaidLike(existing.status))
    throw new ApiError(409, "ALREADY_PAID", "이미 결제가 완료된 결제 건입니다.");
  if (scheduleId === undefined && holdsPaymentId(emulator, paymentId))
    throw new ApiError(409, "PAYMENT_SCHEDULE_ALREADY_EXISTS", "이 결제 건 아이디로 예약된 결제가 있습니다.");
  const { totalAmount: total, taxFreeAmount: taxFree, currency } = input;
  const channel = emulator.config.channels.find((candidate) => candidate.key === channelKey);
  const refusal = channel && channelRefusal(channel, currency, total);
  // The PG refuses what its channel does not take: PortOne relays that as PG_PROVIDER.
  if (refusal)
    throw new ApiError(502, "PG_PROVIDER", refusal, { pgCode: "INVALID_AMOUNT_OR_CURRENCY", pgMessage: refusal });
  const registered = emulator.state.preRegistrations.get(paymentId);
  if (registered?.totalAmount !== undefined && registered.totalAmount !== total) {
    // PortOne's error union for this endpoint has no mismatch type: a request that contradicts the
    // pre-registration is an invalid request.
    throw invalidRequest("사전 등록된 결제 정보와 금액이 일치하지 않습니다.");
  }
  const at = nowIso();
  const record: PaymentRecord = {
    seq: existing?.seq ?? emulator.state.takeSeq(),
    id: paymentId,
    transactionId: newTransactionId(),
    storeId: emulator.config.storeId,
    channelKey,
    payMethod: billingKey.easyPay ? "EASY_PAY" : "CARD",
    status: "PAID",
    orderName: input.orderName,
    currency,
    totalAmount: total,
    taxFreeAmount: taxFree,
    vatAmount: input.vatAmount ?? defaultVat(total - taxFree),
    cancelledAmount: 0,
    cancelledTaxFreeAmount: 0,
    cancelledVatAmount: 0,
    customer: billingKey.customer,
    customData: input.customData,
    noticeUrls: input.noticeUrls,
    origin: { platformType: "API", ipAddress: "127.0.0.1" },
    method: paidWith(billingKey, input),
    billingKey: billingKey.billingKey,
    scheduleId,
    cancellations: [],
    webhooks: existing?.webhooks ?? [],
    requestedAt: existing?.requestedAt ?? at,
    updatedAt: at,
    statusChangedAt: at,
  };
  const declined = cardRefusal(emulator, billingKey);
  if (declined) {
    record.status = "FAILED";
    record.failure = { reason: `[${declined.pgCode}] ${declined.pgMessage}`, ...declined };
    record.failedAt = at;
    emulator.state.savePayment(record);
    if (!input.skipWebhook) emitPaymentWebhook(emulator, record, "Transaction.Failed");
    throw new ApiError(502, "PG_PROVIDER", `PG사에서 결제를 거절했습니다: ${declined.pgMessage}`, { ...declined });
  }
  const card = record.method?.type === "PaymentMethodEasyPay" ? record.method.easyPayMethod : record.method;
  if (card?.type === "PaymentMethodCard")
    card.approvalNumber = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  record.pgTxId = newPgTxId();
  record.paidAt = at;
  emulator.state.savePayment(record);
  if (!input.skipWebhook) emitPaymentWebhook(emulator, record, "Transaction.Paid");
  return record;
}
