import { channelRefusal } from "../domain/channel-limits.js";
import { knownCurrency } from "../domain/currencies.js";
import type { Customer } from "@portone/server-sdk/common";
import type { EmulatorChannel } from "../config.js";
import type { Emulator } from "../context.js";
import { newTransactionId } from "../domain/ids.js";
import { emitPaymentWebhook } from "../domain/payment-events.js";
import { defaultVat, isPaidLike, type PaymentOrigin, type PaymentRecord } from "../domain/payment-record.js";
import { nowIso } from "../domain/time.js";
import { readCashReceiptRequest } from "./cash-receipt-request.js";
import { CheckoutError, requireChannel, requireStore, type Fields } from "./request-checks.js";
import { toCustomer } from "./customer.js";
import { readWindowLanguage, type WindowLanguage } from "./window-language.js";

const PAYMENT_ID_PATTERN = /^[A-Za-z0-9_\-.:=@~]{1,100}$/;
const REQUIRED_FIELDS = ["storeId", "paymentId", "orderName", "totalAmount", "currency", "payMethod"] as const;

export interface AcceptedPaymentRequest {
  record: PaymentRecord;
  channel: EmulatorChannel;
  language: WindowLanguage;
  redirectUrl?: string;
  dueDate?: string;
  expiresAt?: string;
}

/**
 * How the page asked: `requestPayment` opens a PG window; `loadPaymentUI` renders PayPal's button
 * (PortOne V2 takes PayPal only that way, and the button only for PayPal).
 */
export type PaymentEntry = "requestPayment" | "loadPaymentUI";

/** What the CDN script checks before opening a window; errors reject requestPayment (or loadPaymentUI). */
export function checkPaymentRequest(emulator: Emulator, request: Fields, entry: PaymentEntry) {
  for (const field of REQUIRED_FIELDS) {
    if (request[field] === undefined || request[field] === null || request[field] === "") {
      throw new CheckoutError("BadRequest", `${field}는 필수 입력 항목입니다.`);
    }
  }
  if (request.channelKey === undefined && request.channelGroupId === undefined) {
    throw new CheckoutError("BadRequest", "channelKey 또는 channelGroupId 중 하나는 필수 입력 항목입니다.");
  }
  requireStore(emulator, request.storeId);
  const paymentId = String(request.paymentId);
  if (!PAYMENT_ID_PATTERN.test(paymentId)) {
    throw new CheckoutError("BadRequest", "paymentId에는 영문, 숫자와 일부 특수문자(_-.:=@~)만 사용할 수 있습니다.");
  }
  const totalAmount = request.totalAmount;
  if (typeof totalAmount !== "number" || !Number.isSafeInteger(totalAmount) || totalAmount <= 0) {
    throw new CheckoutError("BadRequest", "totalAmount는 0보다 큰 정수여야 합니다.");
  }
  const taxFreeAmount = request.taxFreeAmount ?? 0;
  if (
    typeof taxFreeAmount !== "number" ||
    !Number.isSafeInteger(taxFreeAmount) ||
    taxFreeAmount < 0 ||
    taxFreeAmount > totalAmount
  ) {
    throw new CheckoutError("BadRequest", "taxFreeAmount는 0 이상 totalAmount 이하의 정수여야 합니다.");
  }
  const currency = knownCurrency(request.currency);
  if (!currency) throw new CheckoutError("BadRequest", `지원하지 않는 통화입니다: ${String(request.currency)}`);
  const language = readWindowLanguage(request.locale);
  // The entry point first: a card channel given to loadPaymentUI is refused for being no PayPal
  // channel, not for the PAYPAL pay method the button implies.
  const named = emulator.config.channels.find((candidate) => candidate.key === request.channelKey);
  if (named) requireEntry(named, entry);
  const channel = requireChannel(emulator, request);
  const refusal = channelRefusal(channel, currency, totalAmount);
  if (refusal) throw new CheckoutError("BadRequest", refusal);
  const redirectUrl = readRedirectUrl(request.redirectUrl);
  const cashReceiptRequest = readCashReceiptRequest(request, channel.payMethod);

  const existing = emulator.state.payments.get(paymentId);
  if (existing && isPaidLike(existing.status)) {
    throw new CheckoutError("PaymentAlreadyPaid", "이미 결제가 완료된 paymentId입니다.");
  }
  if (existing?.status === "VIRTUAL_ACCOUNT_ISSUED") {
    throw new CheckoutError("InvalidEntityState", "가상계좌가 이미 발급된 paymentId입니다.");
  }
  const registered = emulator.state.preRegistrations.get(paymentId);
  if (
    registered &&
    ((registered.totalAmount !== undefined && registered.totalAmount !== totalAmount) ||
      (registered.taxFreeAmount !== undefined && registered.taxFreeAmount !== taxFreeAmount) ||
      (registered.currency !== undefined && registered.currency !== currency))
  ) {
    throw new CheckoutError("AmountNotEqualToPredefined", "사전 등록된 결제 정보와 금액이 일치하지 않습니다.");
  }
  return {
    paymentId,
    totalAmount,
    taxFreeAmount,
    currency,
    language,
    channel,
    redirectUrl,
    cashReceiptRequest,
    existing,
  };
}

function requireEntry(channel: EmulatorChannel, entry: PaymentEntry): void {
  if (entry === "requestPayment" && channel.payMethod === "PAYPAL")
    throw new CheckoutError(
      "BadRequest",
      `채널 ${channel.name}은(는) loadPaymentUI(uiType PAYPAL_SPB)로만 결제할 수 있습니다.`,
    );
  if (entry === "loadPaymentUI" && channel.payMethod !== "PAYPAL")
    throw new CheckoutError("BadRequest", `loadPaymentUI는 페이팔 채널에서만 쓸 수 있습니다. (채널 ${channel.name})`);
}

/** Checks the request, then records the attempt as READY (Transaction.Ready) for its window. */
export function acceptPaymentRequest(
  emulator: Emulator,
  request: Fields,
  origin: PaymentOrigin,
  entry: PaymentEntry = "requestPayment",
): AcceptedPaymentRequest {
  const {
    paymentId,
    totalAmount,
    taxFreeAmount,
    currency,
    language,
    channel,
    redirectUrl,
    cashReceiptRequest,
    existing,
  } = checkPaymentRequest(emulator, request, entry);
  const at = nowIso();
  const vatAmount = typeof request.vatAmount === "number" ? request.vatAmount : defaultVat(totalAmount - taxFreeAmount);
  // A retried paymentId (after a failure or a closed window) becomes a new attempt with a new txId.
  const record: PaymentRecord = {
    seq: existing?.seq ?? emulator.state.takeSeq(),
    id: paymentId,
    transactionId: newTransactionId(),
    storeId: emulator.config.storeId,
    channelKey: channel.key,
    payMethod: channel.payMethod,
    status: "READY",
    orderName: String(request.orderName),
    currency,
    totalAmount,
    taxFreeAmount,
    vatAmount,
    cancelledAmount: 0,
    cancelledTaxFreeAmount: 0,
    cancelledVatAmount: 0,
    customer: toCustomer(request.customer) satisfies Customer,
    customData: request.customData === undefined ? undefined : JSON.stringify(request.customData),
    noticeUrls: Array.isArray(request.noticeUrls)
      ? request.noticeUrls.filter((url): url is string => typeof url === "string")
      : undefined,
    origin,
    cashReceiptRequest,
    cancellations: [],
    webhooks: existing?.webhooks ?? [],
    requestedAt: existing?.requestedAt ?? at,
    updatedAt: at,
    statusChangedAt: at,
  };
  emulator.state.savePayment(record);
  emitPaymentWebhook(emulator, record, "Transaction.Ready");
  return { record, channel, language, redirectUrl, ...accountExpiryFrom(request.virtualAccount) };
}

export function readRedirectUrl(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || !/^https?:\/\//.test(value)) {
    throw new CheckoutError("BadRequest", "redirectUrl은 http:// 또는 https://로 시작해야 합니다.");
  }
  return value;
}

const HOUR_MS = 3_600_000;
const KST_OFFSET_MS = 9 * HOUR_MS;
const kstDay = (ms: number) => new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10);
const endOfKstDay = (day: string) => Date.parse(`${day}T23:59:59+09:00`);

/**
 * accountExpiry → the exact moment the account closes, and its KST day for the window's date field.
 * `validHours` counts from now to the hour; `dueDate` is a KST time ('YYYYMMDDHHmmss',
 * 'YYYY-MM-DD HH:mm:ss') or a KST day ('YYYYMMDD', 'YYYY-MM-DD': its last second). Default 7 days.
 */
function accountExpiryFrom(virtualAccount: unknown): { dueDate: string; expiresAt: string } {
  const expiry = (virtualAccount as { accountExpiry?: { validHours?: unknown; dueDate?: unknown } } | undefined)
    ?.accountExpiry;
  let at: number | undefined;
  if (typeof expiry?.dueDate === "string") {
    const digits = expiry.dueDate.replace(/\D/g, "");
    const day = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
    if (digits.length === 14) {
      const time = `${digits.slice(8, 10)}:${digits.slice(10, 12)}:${digits.slice(12, 14)}`;
      at = Date.parse(`${day}T${time}+09:00`);
    } else if (digits.length === 8) at = endOfKstDay(day);
    if (at !== undefined && Number.isNaN(at)) at = undefined;
  }
  if (at === undefined && typeof expiry?.validHours === "number" && expiry.validHours > 0)
    at = Date.now() + expiry.validHours * HOUR_MS;
  at ??= endOfKstDay(kstDay(Date.now() + 7 * 24 * HOUR_MS));
  return { dueDate: kstDay(at), expiresAt: new Date(at).toISOString() };
}
