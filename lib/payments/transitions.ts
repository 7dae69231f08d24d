import type { PortOnePayment } from "@/lib/portone/payments";

export type PaymentStatus =
  | "PENDING"
  | "VIRTUAL_ACCOUNT_ISSUED"
  | "PAID"
  | "PARTIALLY_REFUNDED"
  | "REFUNDED"
  | "FAILED"
  | "EXPIRED"
  | "REJECTED";

export const FINAL_STATUSES: readonly PaymentStatus[] = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "FAILED", "EXPIRED", "REJECTED"];

/**
 * The state machine of DESIGN.md ("Payment states"): where our row goes given PortOne's status.
 * Pure, so every rule is visible in one place. A state never goes backwards; `failedCheck` means
 * PortOne's record does not match our order, which rejects any state that is not yet final money.
 */
export function nextState(current: PaymentStatus, remote: PortOnePayment["status"] | null, failedCheck: boolean): PaymentStatus {
  if (failedCheck) return current === "PENDING" || current === "VIRTUAL_ACCOUNT_ISSUED" || current === "REJECTED" ? "REJECTED" : current;
  if (remote === null) return current;

  switch (current) {
    case "PENDING":
      if (remote === "PAID") return "PAID";
      if (remote === "VIRTUAL_ACCOUNT_ISSUED") return "VIRTUAL_ACCOUNT_ISSUED";
      if (remote === "FAILED") return "FAILED";
      if (remote === "CANCELLED") return "EXPIRED";
      return current;
    case "VIRTUAL_ACCOUNT_ISSUED":
      if (remote === "PAID") return "PAID";
      // An account that expired or was closed before any deposit.
      if (remote === "FAILED" || remote === "CANCELLED") return "EXPIRED";
      return current;
    default:
      // Refunds and cancellations made after payment are handled by the refund flow.
      return current;
  }
}
