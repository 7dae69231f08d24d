/** A lot with what is left of it, as the drawing order sees it. */
export interface OpenLot {
  id: string;
  remaining: number;
  expiresAt: Date | null;
  seq: number;
  /** Drawn before all others: the lots of the charge a refund or cancellation takes back. */
  preferred?: boolean;
}

/**
 * The one drawing order within a kind (README "Points validity"): the preferred lots first, then
 * the earliest expiry (lots that never expire last), then the oldest credit. Spending in this
 * order uses points before they would expire. Pure, so the arithmetic is tested on its own.
 */
export function drawingOrder(lots: OpenLot[]): OpenLot[] {
  const expiry = (lot: OpenLot) => lot.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...lots].sort(
    (a, b) => Number(b.preferred ?? false) - Number(a.preferred ?? false) || expiry(a) - expiry(b) || a.seq - b.seq,
  );
}

/** Takes `amount` from the lots in drawing order; `shortfall` is what no lot had (a balance going negative). */
export function allocateDraws(
  lots: OpenLot[],
  amount: number,
): { draws: { lotId: string; amount: number }[]; shortfall: number } {
  const draws: { lotId: string; amount: number }[] = [];
  let left = amount;
  for (const lot of drawingOrder(lots)) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take > 0) draws.push({ lotId: lot.id, amount: take });
    left -= take;
  }
  return { draws, shortfall: left };
}
