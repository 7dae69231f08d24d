import "server-only";
import { moneyCode } from "@/lib/money/currencies";
import { and, eq, ne } from "drizzle-orm";
import { payments, refunds } from "@/db/schema";
import type { PortOnePayment } from "@/lib/portone/payments";
import { appendLedgerEntry, lockBalance, type Transaction } from "@/lib/points/ledger";

type PaymentRow = typeof payments.$inferSelect;

/** One cancellation taken back, for the log (written once the transaction has committed). */
export interface OutsideCancellation {
  cancellationId: string;
  amount: number;
  paidPoints: number;
  bonusPoints: number;
  /** The paid balance went below zero: the account is flagged (see below). */
  negativeBalance: boolean;
}

/**
 * Cancellations made outside the app (PortOne's console, the PG) take the points back. Each
 * PortOne cancellation that no refund row accounts for becomes a refund row of origin `outside`
 * with one `external_cancel` entry (the cancellation id is its reference, so a redelivery changes
 * nothing): paid points in proportion to the amount, the bonus in the same proportion as far as
 * the user still has it. The cancellation that leaves nothing uncancelled takes exactly what is
 * still left, so rounding never strands a point.
 *
 * The rule when that is more than the user has left: the paid balance goes negative, which flags
 * the account; it cannot spend until a charge brings it back to zero or above.
 */
export async function takeBackOutsideCancellations(
  tx: Transaction,
  row: PaymentRow,
  remote: PortOnePayment,
): Promise<OutsideCancellation[]> {
  const takenBack: OutsideCancellation[] = [];
  const recorded = await tx
    .select({
      cancellationId: refunds.cancellationId,
      amount: refunds.amount,
      paidPoints: refunds.paidPoints,
      bonusPoints: refunds.bonusPoints,
    })
    .from(refunds)
    .where(and(eq(refunds.paymentId, row.id), ne(refunds.status, "FAILED")));
  const accounted = new Set(recorded.map((refund) => refund.cancellationId));
  let returnedAmount = recorded.reduce((sum, refund) => sum + refund.amount, 0);
  let returnedPaid = recorded.reduce((sum, refund) => sum + refund.paidPoints, 0);
  let returnedBonus = recorded.reduce((sum, refund) => sum + refund.bonusPoints, 0);

  for (const cancellation of remote.cancellations.filter((candidate) => !accounted.has(candidate.id))) {
    returnedAmount += cancellation.amount;
    const last = returnedAmount >= row.amount;
    const paid = last ? row.paidPoints - returnedPaid : Math.round((cancellation.amount * row.paidPoints) / row.amount);
    const bonusShare = last
      ? row.bonusPoints - returnedBonus
      : Math.floor((cancellation.amount * row.bonusPoints) / row.amount);
    const balance = await lockBalance(tx, row.userId);
    const bonus = Math.max(0, Math.min(bonusShare, balance.bonus));
    returnedPaid += paid;
    returnedBonus += bonus;
    await tx.insert(refunds).values({
      paymentId: row.id,
      userId: row.userId,
      amount: cancellation.amount,
      currency: row.currency,
      paidPoints: paid,
      bonusPoints: bonus,
      status: "COMPLETED",
      origin: "outside",
      cancellationId: cancellation.id,
    });
    takenBack.push({
      cancellationId: cancellation.id,
      amount: cancellation.amount,
      paidPoints: paid,
      bonusPoints: bonus,
      negativeBalance: balance.paid - paid < 0,
    });
    await appendLedgerEntry(tx, {
      userId: row.userId,
      kind: "external_cancel",
      reference: cancellation.id,
      paidDelta: -paid,
      bonusDelta: -bonus,
      memo: `결제 취소 ${row.id} · ${moneyCode(cancellation.amount, row.currency)}`,
      lots: { takesBackFrom: { kind: "charge", reference: row.id } },
    });
  }
  return takenBack;
}
