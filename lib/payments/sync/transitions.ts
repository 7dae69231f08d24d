import { paymentStatus } from "@/db/schema";
import type { PortOnePayment } from "@/lib/portone/payments";

export const PAYMENT_STATUSES = paymentStatus.enumValues;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** States still waiting for the buyer or the bank; every other state is final. */
export const OPEN_STATUSES: readonly PaymentStatus[] = ["PENDING", "VIRTUAL_ACCOUNT_ISSUED"];

export const FINAL_STATUSES: readonly PaymentStatus[] = PAYMENT_STATUSES.filter(
  (status) => !OPEN_STATUSES.includes(status),
);

/** States whose charge was credited to the ledger (and possibly taken back since, in part or whole). */
export const CREDITED_STATUSES: readonly PaymentStatus[] = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];

/** Credited states with money left at PortOne that a refund can still return. */
export const REFUNDABLE_STATUSES: readonly PaymentStatus[] = ["PAID", "PARTIALLY_REFUNDED"];

export interface RemoteState {
  status: PortOnePayment["status"];
  /** An issued virtual account whose due date has passed (PortOne keeps the status). */
  accountExpired: boolean;
  /** PortOne completed at least one cancellation: money had arrived before it went back. */
  hasCancellations: boolean;
}

export interface SyncFacts {
  /** PortOne's record does not match our order (store, channel, amount, currency). */
  failedCheck?: boolean;
  /**
   * Nobody is in the payment's window any more: the buyer came back to our pages without
   * finishing it (a redirect with an error code, a cancel, the page of the payment), or the
   * reconciler found the row old enough. A window never finished (PortOne has nothing, or only
   * READY) then expires instead of waiting forever.
   */
  abandoned?: boolean;
  /**
   * The reconciler's verdict that a PENDING row is old enough (minutes, not half an hour) for its
   * window to have opened if it ever was going to: one PortOne has no record of at all is over.
   * One that opened (READY) may still be in the buyer's hands and waits for `abandoned`.
   */
  unopenedIsOver?: boolean;
  /** One of our own refunds awaits PortOne's answer: its cancellation may be among PortOne's. */
  refundInFlight?: boolean;
}

export interface Transition {
  status: PaymentStatus;
  /** Write the charge's ledger entry: the money arrived and the points were never credited. */
  credit: boolean;
  /** Take back the points of every PortOne cancellation that no refund of ours accounts for. */
  takeBackCancellations: boolean;
}

/**
 * The state machine of DESIGN.md ("Payment states"): given our status, PortOne's record (null
 * when PortOne has no payment by that id) and the facts around it, where the payment goes and
 * what the ledger must record. Pure and total: every pair has an answer, proven by a table test.
 *
 * The rule that decides most cells: money that arrived is always accounted for. It is credited
 * whatever we thought before (a late deposit, a retried attempt on a failed paymentId), and a
 * cancellation at PortOne takes its points back, even one made before we ever synced (the charge
 * is then credited and partly or wholly taken back in the same transaction). A payment whose
 * record does not match is REJECTED before any credit, and stays so: its money goes back to the
 * customer (see releaseRejectedPayment), never into points.
 */
export function nextState(current: PaymentStatus, remote: RemoteState | null, facts: SyncFacts = {}): Transition {
  const stay: Transition = { status: current, credit: false, takeBackCancellations: false };
  const move = (status: PaymentStatus): Transition => ({ ...stay, status });
  if (current === "REJECTED") return stay;

  const credited = CREDITED_STATUSES.includes(current);
  if (!credited && facts.failedCheck) return move("REJECTED");
  // Expiring is safe: money that still arrives later is credited by the rules below.
  if (remote === null)
    return current === "PENDING" && (facts.abandoned || facts.unopenedIsOver) ? move("EXPIRED") : stay;
  if (remote.status === "READY") return current === "PENDING" && facts.abandoned ? move("EXPIRED") : stay;

  switch (remote.status) {
    case "PAID":
      return credited ? stay : { status: "PAID", credit: true, takeBackCancellations: false };
    case "PARTIAL_CANCELLED":
    case "CANCELLED": {
      const moneyArrived = remote.status === "PARTIAL_CANCELLED" || remote.hasCancellations;
      if (!moneyArrived) return current === "PENDING" || current === "VIRTUAL_ACCOUNT_ISSUED" ? move("EXPIRED") : stay;
      if (credited && facts.refundInFlight) return stay;
      return {
        status: remote.status === "CANCELLED" ? "REFUNDED" : "PARTIALLY_REFUNDED",
        credit: !credited,
        takeBackCancellations: true,
      };
    }
    case "VIRTUAL_ACCOUNT_ISSUED":
      if (credited) return stay;
      if (remote.accountExpired)
        return current === "PENDING" || current === "VIRTUAL_ACCOUNT_ISSUED" ? move("EXPIRED") : stay;
      // An account issued after we gave up on the window (or a retried attempt) still takes money.
      return move("VIRTUAL_ACCOUNT_ISSUED");
    case "FAILED":
      if (current === "PENDING") return move("FAILED");
      // Closed or failed before any deposit.
      return current === "VIRTUAL_ACCOUNT_ISSUED" ? move("EXPIRED") : stay;
    case "PAY_PENDING":
    case "UNKNOWN":
      return stay;
  }
}

/**
 * Whether a sync would change nothing, so the reconciler need not ask PortOne again: nextState
 * stays, credits nothing and has nothing to take back. (A REFUNDED payment's cancellations were
 * all taken back by the sync that refunded it, so taking back again is a no-op.)
 */
export function inStepWithPortOne(current: PaymentStatus, remote: RemoteState): boolean {
  const transition = nextState(current, remote);
  const takesBack = transition.takeBackCancellations && current !== "REFUNDED";
  return transition.status === current && !transition.credit && !takesBack;
}

/** What nextState needs of PortOne's record. */
export function remoteStateOf(remote: PortOnePayment, now = Date.now()): RemoteState {
  const dueAt = remote.virtualAccount?.dueAt;
  return {
    status: remote.status,
    accountExpired:
      remote.status === "VIRTUAL_ACCOUNT_ISSUED" && dueAt !== null && dueAt !== undefined && Date.parse(dueAt) <= now,
    hasCancellations: remote.cancellations.length > 0,
  };
}
