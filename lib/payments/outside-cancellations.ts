import "server-only";
import { eq } from "drizzle-orm";
import { payments, refunds } from "@/db/schema";
import type { PortOnePayment } from "@/lib/portone/payments";
import { appendLedgerEntry, lockBalance, type Transaction } from "@/lib/points/ledger";
import type { PaymentStatus } from "./transitions";

type PaymentRow = typeof payments.$inferSelect;

const CREDITED: readonly PaymentStatus[] = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];

/** The memo of an outside cancellation's ledger entry, by which a payment's timeline finds it. */
export const outsideCancelMemo = (paymentId: string) => `결제 취소 ${paymentId}`;

/**
 * Cancellations made outside the app (PortOne's console, the PG) take the points back. Each
 * PortOne cancellation our refunds do not account for gets one `external_cancel` entry (its id is
 * the reference, so a redelivery changes nothing): paid points in proportion to the amount, the
 * bonus in the same proportion as far as the user still has it.
 *
 * The rule when that is more than the user has left: the paid balance goes negative, which flags
 * the account; it cannot spend until a charge brings it back to zero or above.
 *
 * Returns the payment's new status, or null when there is nothing to apply (or one of our own
 * refunds is still unsettled and may be the cancellation PortOne reports).
 */
export async function applyOutsideCancellations(tx: Transaction, row: PaymentRow, remote: PortOnePayment): Promise<PaymentStatus | null> {
  if (!CREDITED.includes(row.status) || (remote.status !== "PARTIAL_CANCELLED" && remote.status !== "CANCELLED")) return null;
  const ours = await tx.select({ cancellationId: refunds.cancellationId, status: refunds.status }).from(refunds).where(eq(refunds.paymentId, row.id));
  if (ours.some((refund) => refund.status === "REQUESTED")) return null;
  const accounted = new Set(ours.map((refund) => refund.cancellationId));

  for (const cancellation of remote.cancellations.filter((candidate) => !accounted.has(candidate.id))) {
    const paid = Math.round((cancellation.amount * row.paidPoints) / row.amount);
    const balance = await lockBalance(tx, row.userId);
    const bonus = Math.max(0, Math.min(Math.floor((cancellation.amount * row.bonusPoints) / row.amount), balance.bonus));
    await appendLedgerEntry(tx, {
      userId: row.userId,
      kind: "external_cancel",
      reference: cancellation.id,
      paidDelta: -paid,
      bonusDelta: -bonus,
      memo: outsideCancelMemo(row.id),
    });
  }
  return remote.amountCancelled >= row.amount ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
