import "server-only";
import type { Bank } from "@portone/server-sdk/common";
import { CancelPaymentError, CloseVirtualAccountError } from "@portone/server-sdk/payment";
import { env } from "@/lib/env";
import { portoneWrite } from "./call";
import { portone } from "./client";

/** Tells PortOne the amount to expect, so a window opened with another amount is refused. */
export async function preRegisterAmount(paymentId: string, totalAmount: number, currency: string): Promise<void> {
  await portoneWrite({ operation: "preRegisterPayment", paymentId }, () =>
    portone.preRegisterPayment({ paymentId, totalAmount, currency: currency as "KRW" }),
  );
}

// Cancels (and closing an account, which ends a payment too) get their own, longer limit: a PG
// can take a while, and past it the outcome is unknown rather than refused.
const cancelCall = <T>(operation: string, paymentId: string, call: () => Promise<T>) =>
  portoneWrite({ operation, paymentId }, call, env.PORTONE_CANCEL_TIMEOUT_MS);

/**
 * Cancels what is still cancellable of a payment we refuse (verification failed). A payment that
 * is already cancelled counts as done, so repeating this is harmless.
 */
export async function cancelRejectedPayment(paymentId: string, reason: string): Promise<void> {
  try {
    await cancelCall("cancelPayment", paymentId, () =>
      portone.cancelPayment({ paymentId, reason, requester: "ADMIN" }),
    );
  } catch (error) {
    if (error instanceof CancelPaymentError && error.data.type === "PAYMENT_ALREADY_CANCELLED") return;
    throw error;
  }
}

/** Closes an issued virtual account so no deposit can arrive for a payment we refused. */
export async function closeVirtualAccount(paymentId: string): Promise<void> {
  try {
    await cancelCall("closeVirtualAccount", paymentId, () => portone.closeVirtualAccount({ paymentId }));
  } catch (error) {
    if (error instanceof CloseVirtualAccountError && error.data.type === "PAYMENT_NOT_WAITING_FOR_DEPOSIT") return;
    throw error;
  }
}

// Error types after which PortOne certainly did not cancel; anything else (5xx, timeouts, a PG
// error) may or may not have, and is left for reconciliation to look up.
const DEFINITE_CANCEL_REFUSALS = new Set([
  "INVALID_REQUEST",
  "PAYMENT_NOT_FOUND",
  "PAYMENT_NOT_PAID",
  "PAYMENT_ALREADY_CANCELLED",
  "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN",
  "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT",
  "CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT",
  "CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT",
  "SUM_OF_PARTS_EXCEEDS_CANCEL_AMOUNT",
  "MAX_CANCEL_COUNT_REACHED",
]);

export const PG_REFUSED_CANCEL = "PG가 취소를 거절했습니다.";

export type RefundCancelOutcome =
  | { kind: "succeeded"; cancellationId: string }
  | { kind: "refused"; reason: string }
  /** Accepted, carried out later by the PG (virtual-account refunds take days); its id tells how it ends. */
  | { kind: "requested"; cancellationId: string }
  | { kind: "unknown"; reason: string };

/** Cancels part of a payment for a refund, guarded by the amount we believe is still cancellable. */
export async function cancelForRefund(input: {
  paymentId: string;
  amount: number;
  currentCancellableAmount: number;
  reason: string;
  /** Required by PortOne for virtual-account payments: where the money goes back. */
  refundAccount?: { bank: string; number: string; holderName: string };
}): Promise<RefundCancelOutcome> {
  try {
    const refundAccount = input.refundAccount && { ...input.refundAccount, bank: input.refundAccount.bank as Bank };
    const { cancellation } = await cancelCall("cancelPayment", input.paymentId, () =>
      portone.cancelPayment({ ...input, refundAccount, requester: "CUSTOMER" }),
    );
    if (cancellation.status === "SUCCEEDED") return { kind: "succeeded", cancellationId: cancellation.id };
    if (cancellation.status === "FAILED") return { kind: "refused", reason: PG_REFUSED_CANCEL };
    if (cancellation.status === "REQUESTED") return { kind: "requested", cancellationId: cancellation.id };
    return { kind: "unknown", reason: "PortOne이 알 수 없는 취소 상태로 답했습니다." };
  } catch (error) {
    const type = error instanceof CancelPaymentError ? String(error.data.type) : "";
    if (DEFINITE_CANCEL_REFUSALS.has(type)) return { kind: "refused", reason: type };
    return { kind: "unknown", reason: error instanceof Error ? error.message : String(error) };
  }
}
