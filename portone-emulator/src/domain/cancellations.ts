import type {
  FailedPaymentCancellation,
  RequestedPaymentCancellation,
  SucceededPaymentCancellation,
  Trigger,
} from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import type { CancelFault } from "../control/faults.js";
import { ApiError } from "../http/api-error.js";
import { followCancellation } from "./cash-receipts.js";
import { emitPaymentWebhook } from "./payment-events.js";
import { setStatus, type PaymentRecord } from "./payment-record.js";
import { nowIso } from "./time.js";

/** A cancellation that passed PortOne's checks, before its outcome is known. */
export interface CancellationRequest {
  id: string;
  totalAmount: number;
  taxFreeAmount: number;
  vatAmount: number;
  reason: string;
  requestedAt: string;
  trigger: Trigger;
}

/** The PG gave the money back: amounts, status and the (Partial)Cancelled webhook. */
export function completeCancellation(
  emulator: Emulator,
  record: PaymentRecord,
  request: CancellationRequest,
  options: { skipWebhook: boolean; asyncApproved?: boolean },
): SucceededPaymentCancellation {
  const at = nowIso();
  const cancellation: SucceededPaymentCancellation = {
    ...request,
    status: "SUCCEEDED",
    pgCancellationId: `emul-cancel-${record.cancellations.length + 1}-${record.pgTxId ?? record.transactionId}`,
    cancelledAt: at,
  };
  replaceOrAppend(record, cancellation);
  record.cancelledAmount += request.totalAmount;
  record.cancelledTaxFreeAmount += request.taxFreeAmount;
  record.cancelledVatAmount += request.vatAmount;
  record.cancelledAt = at;
  followCancellation(record, at);
  const fullyCancelled = record.cancelledAmount === record.totalAmount;
  setStatus(record, fullyCancelled ? "CANCELLED" : "PARTIAL_CANCELLED", at);
  emulator.state.savePayment(record);
  if (!options.skipWebhook) {
    emitPaymentWebhook(emulator, record, fullyCancelled ? "Transaction.Cancelled" : "Transaction.PartialCancelled", {
      cancellationId: cancellation.id,
      trigger: options.asyncApproved ? "ASYNC_CANCEL_APPROVED" : undefined,
    });
  }
  return cancellation;
}

/** The PG refused at once: the attempt is listed as FAILED and nothing else changes. */
export function recordFailedCancellation(
  emulator: Emulator,
  record: PaymentRecord,
  request: CancellationRequest,
): FailedPaymentCancellation {
  const cancellation: FailedPaymentCancellation = { ...request, status: "FAILED" };
  replaceOrAppend(record, cancellation);
  record.updatedAt = nowIso();
  emulator.state.savePayment(record);
  return cancellation;
}

/**
 * An asynchronous cancel (PortOne: virtual-account refunds take one to two business days): it is
 * REQUESTED and holds its amount, PortOne sends `Transaction.CancelPending`, and it settles later,
 * by itself when the fault says how, or through the control API.
 */
export function requestCancellation(
  emulator: Emulator,
  record: PaymentRecord,
  request: CancellationRequest,
  fault: Pick<CancelFault, "settle" | "settleAfterMs">,
): RequestedPaymentCancellation {
  const cancellation: RequestedPaymentCancellation = { ...request, status: "REQUESTED" };
  record.cancellations.push(cancellation);
  record.updatedAt = nowIso();
  emulator.state.savePayment(record);
  emitPaymentWebhook(emulator, record, "Transaction.CancelPending", { cancellationId: cancellation.id });
  const outcome = fault.settle;
  if (outcome) {
    const timer = setTimeout(() => {
      emulator.settleTimers.delete(timer);
      const current = emulator.state.payments.get(record.id);
      if (current?.cancellations.some((entry) => entry.id === cancellation.id && entry.status === "REQUESTED")) {
        settleCancellation(emulator, current, cancellation.id, outcome);
      }
    }, fault.settleAfterMs);
    timer.unref();
    emulator.settleTimers.add(timer);
  }
  return cancellation;
}

/**
 * The PG's answer to a REQUESTED cancellation. A refusal is sent as a webhook of the payment's
 * unchanged status with the trigger ASYNC_CANCEL_FAILED: PortOne documents the trigger but no
 * webhook type of its own for it.
 */
export function settleCancellation(
  emulator: Emulator,
  record: PaymentRecord,
  cancellationId: string,
  outcome: "succeed" | "fail",
) {
  const pending = record.cancellations.find((entry) => entry.id === cancellationId);
  if (!pending) throw new ApiError(404, "CANCELLATION_NOT_FOUND", `취소 ${cancellationId}이(가) 없습니다.`);
  if (pending.status !== "REQUESTED")
    throw new ApiError(409, "CANCELLATION_NOT_REQUESTED", "처리 중인 취소가 아닙니다.");
  const trigger = pending.trigger ?? "API";
  if (outcome === "succeed") {
    return completeCancellation(emulator, record, { ...pending, trigger }, { skipWebhook: false, asyncApproved: true });
  }
  const failed = recordFailedCancellation(emulator, record, { ...pending, trigger });
  const type = record.status === "PARTIAL_CANCELLED" ? "Transaction.PartialCancelled" : "Transaction.Paid";
  emitPaymentWebhook(emulator, record, type, { cancellationId, trigger: "ASYNC_CANCEL_FAILED" });
  return failed;
}

function replaceOrAppend(
  record: PaymentRecord,
  cancellation: SucceededPaymentCancellation | FailedPaymentCancellation,
): void {
  const index = record.cancellations.findIndex((entry) => entry.id === cancellation.id);
  if (index === -1) record.cancellations.push(cancellation);
  else record.cancellations[index] = cancellation;
}
