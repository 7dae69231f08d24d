import "server-only";
import { CancelPaymentError, CloseVirtualAccountError } from "@portone/server-sdk/payment";
import { portone } from "./client";

/** Tells PortOne the amount to expect, so a window opened with another amount is refused. */
export async function preRegisterAmount(paymentId: string, totalAmount: number, currency: string): Promise<void> {
  await portone.preRegisterPayment({ paymentId, totalAmount, currency: currency as "KRW" });
}

/**
 * Cancels what is still cancellable of a payment we refuse (verification failed). A payment that
 * is already cancelled counts as done, so repeating this is harmless.
 */
export async function cancelRejectedPayment(paymentId: string, reason: string): Promise<void> {
  try {
    await portone.cancelPayment({ paymentId, reason, requester: "ADMIN" });
  } catch (error) {
    if (error instanceof CancelPaymentError && error.data.type === "PAYMENT_ALREADY_CANCELLED") return;
    throw error;
  }
}

/** Closes an issued virtual account so no deposit can arrive for a payment we refused. */
export async function closeVirtualAccount(paymentId: string): Promise<void> {
  try {
    await portone.closeVirtualAccount({ paymentId });
  } catch (error) {
    if (error instanceof CloseVirtualAccountError && error.data.type === "PAYMENT_NOT_WAITING_FOR_DEPOSIT") return;
    throw error;
  }
}
