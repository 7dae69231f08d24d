import type { PortOnePayment } from "@/lib/portone/payments";

export const PAYMENT_STATUSES = ["PENDING", "VIRTUAL_ACCOUNT_ISSUED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "FAILED", "EXPIRED", "REJECTED"] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const FINAL_STATUSES: readonly PaymentStatus[] = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "FAILED", "EXPIRED", "REJECTED"];

/** States in which no points were credited for the payment. */
const UNCREDITED: readonly PaymentStatus[] = ["PENDING", "VIRTUAL_ACCOUNT_ISSUED", "FAILED", "EXPIRED", "REJECTED"];

export interface RemoteState {
  status: PortOnePayment["status"];
  /** An issued virtual account whose due date has passed (PortOne keeps the status). */
  accountExpired: boolean;
}

export interface SyncContext {
  /**
   * The reconciler's verdict that a PENDING row is old enough to be abandoned: a window that was
   * never finished (PortOne has nothing, or only READY) then expires instead of waiting forever.
   */
  abandoned?: boolean;
}

/**
 * The state machine of DESIGN.md ("Payment states"): where our row goes given PortOne's record.
 * Pure, so every rule is in one place. `failedCheck`: PortOne's record does not match our order,
 * which rejects any payment not yet credited (and the caller cancels it at PortOne).
 */
export function nextState(current: PaymentStatus, remote: RemoteState | null, failedCheck: boolean, context: SyncContext = {}): PaymentStatus {
  const uncredited = UNCREDITED.includes(current);
  if (failedCheck) return uncredited ? "REJECTED" : current;
  // Expiring is safe: money that still arrives later is credited by the PAID rule below.
  if (current === "PENDING" && context.abandoned && (remote === null || remote.status === "READY")) return "EXPIRED";
  if (remote === null || current === "REJECTED") return current;

  // Money that arrived is credited whatever we thought before: a late deposit or a retried
  // attempt on a paymentId that had failed must not be lost.
  if (remote.status === "PAID") return uncredited ? "PAID" : current;

  switch (current) {
    case "PENDING":
      if (remote.status === "VIRTUAL_ACCOUNT_ISSUED") return remote.accountExpired ? "EXPIRED" : "VIRTUAL_ACCOUNT_ISSUED";
      if (remote.status === "FAILED") return "FAILED";
      if (remote.status === "CANCELLED") return "EXPIRED";
      return current;
    case "VIRTUAL_ACCOUNT_ISSUED":
      // Closed, failed or past its due date before any deposit.
      if (remote.status === "FAILED" || remote.status === "CANCELLED" || remote.accountExpired) return "EXPIRED";
      return current;
    default:
      // Cancellations after payment belong to the refund flow.
      return current;
  }
}
