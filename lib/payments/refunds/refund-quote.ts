import { REFUNDABLE_STATUSES, type PaymentStatus } from "../sync/transitions";

/** How much of a charge can be refunded now, and what it takes back. Pure: every rule in one place. */
export interface RefundQuote {
  /** KRW to return. */
  amount: number;
  paidPoints: number;
  bonusPoints: number;
}

export const REFUND_WINDOW_DAYS = 7;

export type RefundRefusal = "not_paid" | "too_old" | "nothing_unspent" | "refund_in_progress";

/**
 * Money comes back only for paid points still unspent: all of them gives a full refund, fewer a
 * partial one, in won proportional to the unspent paid points. The charge's bonus is taken back
 * in the same proportion (as far as the user still has bonus points).
 */
export function quoteRefund(input: {
  status: PaymentStatus;
  paidAt: Date | null;
  now: Date;
  amount: number;
  paidPoints: number;
  bonusPoints: number;
  /** Of this payment, by refunds completed or still in flight. */
  refunded: { amount: number; paidPoints: number; bonusPoints: number; inFlight: boolean };
  balance: { paid: number; bonus: number };
}): { ok: true; quote: RefundQuote } | { ok: false; code: RefundRefusal } {
  if (!REFUNDABLE_STATUSES.includes(input.status) || !input.paidAt) return { ok: false, code: "not_paid" };
  if (input.now.getTime() - input.paidAt.getTime() > REFUND_WINDOW_DAYS * 86_400_000)
    return { ok: false, code: "too_old" };
  if (input.refunded.inFlight) return { ok: false, code: "refund_in_progress" };

  const paidPoints = Math.min(input.paidPoints - input.refunded.paidPoints, input.balance.paid);
  if (paidPoints <= 0) return { ok: false, code: "nothing_unspent" };
  const remainingAmount = input.amount - input.refunded.amount;
  // The last refund takes exactly what is left, so rounding never strands a won.
  const isLast = paidPoints === input.paidPoints - input.refunded.paidPoints;
  const amount = isLast ? remainingAmount : Math.floor((paidPoints * input.amount) / input.paidPoints);
  const bonusShare = isLast
    ? input.bonusPoints - input.refunded.bonusPoints
    : Math.floor((paidPoints * input.bonusPoints) / input.paidPoints);
  return {
    ok: true,
    quote: { amount, paidPoints, bonusPoints: Math.max(0, Math.min(bonusShare, input.balance.bonus)) },
  };
}
