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
import { newPgTxId, newTransactionId } from "./ids.js";
import { emitPaymentWebhook } from "./payment-events.js";
import { defaultVat, isPaidLike, type PaymentRecord } from "./payment-record.js";
import type { BillingKeyRecord } from "./state.js";
import { nowIso } from "./time.js";
import { channelRefusal } from "./channel-limits.js";
import { knownCurrency } from "./currencies.js";

/** `POST /payments/{id}/billing-key`: an immediate, server-initiated card payment (PAID at once). */
export function payWithBillingKey(
  emulator: Emulator,
  paymentId: string,
  billingKey: BillingKeyRecord,
  channelKey: string,
  body: Record<string, unknown>,
): PaymentRecord {
  const existing = emulator.state.payments.get(paymentId);
  if (existing && isPaidLike(existing.status))
    throw new ApiError(409, "ALREADY_PAID", "이미 결제가 완료된 결제 건입니다.");
  const amount = optionalObject(body, "amount");
  if (!amount) throw invalidRequest("amount가 필요합니다.");
  const total = optionalInteger(amount, "total", 1);
  if (total === undefined) throw invalidRequest("amount.total이 필요합니다.");
  const taxFree = optionalInteger(amount, "taxFree") ?? 0;
  if (taxFree > total) throw invalidRequest("amount.taxFree가 amount.total보다 큽니다.");
  const currencyInput = requiredString(body, "currency");
  const currency = knownCurrency(currencyInput);
  if (!currency) throw invalidRequest(`알 수 없는 통화입니다: ${currencyInput}`);
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
    payMethod: "CARD",
    status: "PAID",
    orderName: requiredString(body, "orderName"),
    currency,
    totalAmount: total,
    taxFreeAmount: taxFree,
    vatAmount: optionalInteger(amount, "vat") ?? defaultVat(total - taxFree),
    cancelledAmount: 0,
    cancelledTaxFreeAmount: 0,
    cancelledVatAmount: 0,
    customer: billingKey.customer,
    customData: optionalString(body, "customData"),
    noticeUrls: optionalStringArray(body, "noticeUrls"),
    origin: { platformType: "API", ipAddress: "127.0.0.1" },
    method: {
      type: "PaymentMethodCard",
      card: { brand: "LOCAL", type: "CREDIT", ownerType: "PERSONAL", number: billingKey.cardNumberMasked },
      approvalNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      installment: { month: optionalInteger(body, "installmentMonth") ?? 0, isInterestFree: false },
      pointUsed: false,
    },
    pgTxId: newPgTxId(),
    billingKey: billingKey.billingKey,
    cancellations: [],
    webhooks: existing?.webhooks ?? [],
    requestedAt: existing?.requestedAt ?? at,
    updatedAt: at,
    statusChangedAt: at,
    paidAt: at,
  };
  emulator.state.savePayment(record);
  if (!optionalBoolean(body, "skipWebhook")) emitPaymentWebhook(emulator, record, "Transaction.Paid");
  return record;
}
