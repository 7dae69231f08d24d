import type { Trigger } from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import { ApiError, invalidRequest } from "../http/api-error.js";
import {
  completeCancellation,
  recordFailedCancellation,
  requestCancellation,
  type CancellationRequest,
} from "./cancellations.js";
import { issueCashReceipt } from "./cash-receipts.js";
import { newCancellationId } from "./ids.js";
import { emitPaymentWebhook } from "./payment-events.js";
import { cancellableAmount, defaultVat, setStatus, type Cancellation, type PaymentRecord } from "./payment-record.js";
import { nowIso } from "./time.js";

export interface CancelInput {
  amount?: number;
  taxFreeAmount?: number;
  vatAmount?: number;
  reason: string;
  requester?: string;
  currentCancellableAmount?: number;
  hasRefundAccount: boolean;
  skipWebhook: boolean;
  trigger: Trigger;
}

/** Full or partial cancellation with PortOne's checks, in PortOne's order. */
export function cancelPayment(emulator: Emulator, record: PaymentRecord, input: CancelInput): Cancellation {
  if (record.status === "CANCELLED") throw new ApiError(409, "PAYMENT_ALREADY_CANCELLED", "이미 취소된 결제입니다.");
  if (record.status !== "PAID" && record.status !== "PARTIAL_CANCELLED") {
    throw new ApiError(409, "PAYMENT_NOT_PAID", "결제가 완료되지 않은 건은 취소할 수 없습니다.");
  }
  const remaining = cancellableAmount(record);
  if (input.currentCancellableAmount !== undefined && input.currentCancellableAmount !== remaining) {
    throw new ApiError(
      409,
      "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN",
      `취소 가능 금액이 일치하지 않습니다. (요청 ${input.currentCancellableAmount}, 실제 ${remaining})`,
    );
  }
  const amount = input.amount ?? remaining;
  if (amount <= 0) throw invalidRequest("취소 금액은 0보다 커야 합니다.");
  if (amount > remaining) {
    throw new ApiError(
      409,
      "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT",
      `취소 금액(${amount})이 취소 가능 금액(${remaining})을 초과합니다.`,
    );
  }
  const remainingTaxFree = record.taxFreeAmount - record.cancelledTaxFreeAmount;
  const isFull = amount === remaining;
  const taxFree = input.taxFreeAmount ?? (isFull ? remainingTaxFree : 0);
  if (taxFree > remainingTaxFree || taxFree > amount) {
    throw new ApiError(
      409,
      "CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT",
      "면세 취소 금액이 취소 가능 면세 금액을 초과합니다.",
    );
  }
  const remainingVat = record.vatAmount - record.cancelledVatAmount;
  const vat = input.vatAmount ?? (isFull ? remainingVat : Math.min(remainingVat, defaultVat(amount - taxFree)));
  if (vat > remainingVat) {
    throw new ApiError(
      409,
      "CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT",
      "취소 부가세가 취소 가능 부가세를 초과합니다.",
    );
  }
  if (record.payMethod === "VIRTUAL_ACCOUNT" && !input.hasRefundAccount) {
    throw invalidRequest("가상계좌 결제 취소에는 환불 계좌(refundAccount)가 필요합니다.");
  }

  const requested: CancellationRequest = {
    id: newCancellationId(),
    totalAmount: amount,
    taxFreeAmount: taxFree,
    vatAmount: vat,
    reason: input.reason,
    requestedAt: nowIso(),
    trigger: input.trigger,
  };
  // Only API cancels can be made asynchronous or refused; the console's test cancels succeed.
  const fault = input.trigger === "API" ? emulator.faults.takeCancelFault(record.id) : undefined;
  if (fault?.outcome === "fail") return recordFailedCancellation(emulator, record, requested);
  if (fault?.outcome === "pending") return requestCancellation(emulator, record, requested, fault);
  const refundDelay = emulator.config.virtualAccountRefundMs;
  if (input.trigger === "API" && record.payMethod === "VIRTUAL_ACCOUNT" && refundDelay > 0) {
    return requestCancellation(emulator, record, requested, { settle: "succeed", settleAfterMs: refundDelay });
  }
  return completeCancellation(emulator, record, requested, { skipWebhook: input.skipWebhook });
}

function requireWaitingForDeposit(record: PaymentRecord): void {
  if (record.status !== "VIRTUAL_ACCOUNT_ISSUED") {
    throw new ApiError(409, "PAYMENT_NOT_WAITING_FOR_DEPOSIT", "입금 대기 중인 가상계좌 결제가 아닙니다.");
  }
}

function virtualAccountExpired(record: PaymentRecord): boolean {
  const method = record.method;
  if (!method || method.type !== "PaymentMethodVirtualAccount" || !("expiredAt" in method) || !method.expiredAt)
    return false;
  return Date.parse(method.expiredAt) <= Date.now();
}

/** Console "테스트 입금 통지": the test deposit arrives, the payment is PAID. */
export function depositVirtualAccount(emulator: Emulator, record: PaymentRecord): void {
  requireWaitingForDeposit(record);
  if (virtualAccountExpired(record)) {
    throw new ApiError(409, "PAYMENT_NOT_WAITING_FOR_DEPOSIT", "입금 기한이 지난 가상계좌입니다.");
  }
  const at = nowIso();
  record.paidAt = at;
  issueCashReceipt(record, emulator.publicUrl, at);
  setStatus(record, "PAID", at);
  emulator.state.savePayment(record);
  emitPaymentWebhook(emulator, record, "Transaction.Paid", { trigger: "VIRTUAL_ACCOUNT_DEPOSIT" });
}

/** The due date passes: the account stays VIRTUAL_ACCOUNT_ISSUED with expiredAt in the past. */
export function expireVirtualAccount(emulator: Emulator, record: PaymentRecord): void {
  requireWaitingForDeposit(record);
  setVirtualAccountExpiry(record, nowIso());
  record.updatedAt = nowIso();
  emulator.state.savePayment(record);
}

/** `POST /payments/{id}/virtual-account/close`: the account is closed and the payment CANCELLED. */
export function closeVirtualAccount(emulator: Emulator, record: PaymentRecord): string {
  requireWaitingForDeposit(record);
  const at = nowIso();
  setVirtualAccountExpiry(record, at);
  record.cancelledAt = at;
  setStatus(record, "CANCELLED", at);
  emulator.state.savePayment(record);
  return at;
}

function setVirtualAccountExpiry(record: PaymentRecord, at: string): void {
  if (record.method?.type === "PaymentMethodVirtualAccount" && "accountNumber" in record.method) {
    record.method = { ...record.method, expiredAt: at };
  }
}
