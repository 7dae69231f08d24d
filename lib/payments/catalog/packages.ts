/**
 * The price table. The server is the only authority on prices: the browser sends a package id,
 * never an amount, and users cannot type one (free amounts are a reason card companies refuse a
 * merchant, and they invite tampering). Amounts are KRW, which has no minor unit.
 */
export interface PointsPackage {
  id: string;
  /** KRW, integer. */
  price: number;
  /** Paid points equal the price: they are what a refund gives money back for. */
  paidPoints: number;
  bonusPoints: number;
}

const CURRENCY = "KRW";

export const POINTS_PACKAGES: readonly PointsPackage[] = [
  { id: "points-1000", price: 1_000, paidPoints: 1_000, bonusPoints: 0 },
  { id: "points-5000", price: 5_000, paidPoints: 5_000, bonusPoints: 0 },
  { id: "points-10000", price: 10_000, paidPoints: 10_000, bonusPoints: 300 },
  { id: "points-30000", price: 30_000, paidPoints: 30_000, bonusPoints: 1_500 },
  { id: "points-50000", price: 50_000, paidPoints: 50_000, bonusPoints: 3_500 },
  { id: "points-100000", price: 100_000, paidPoints: 100_000, bonusPoints: 10_000 },
];

export function findPackage(id: string): PointsPackage | undefined {
  return POINTS_PACKAGES.find((candidate) => candidate.id === id);
}

export function packageCurrency(): string {
  return CURRENCY;
}

export function orderNameOf(pack: PointsPackage): string {
  const total = pack.paidPoints + pack.bonusPoints;
  return `포인트 ${new Intl.NumberFormat("ko-KR").format(total)}P 충전`;
}
