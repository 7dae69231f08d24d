import type { Currency } from "@/lib/money/currencies";

/**
 * The price table. The server is the only authority on prices: the browser sends a package id
 * and a pay option (whose channel settles in one currency), never an amount, and users cannot
 * type one (free amounts are a reason card companies refuse a merchant, and they invite tampering).
 * Amounts are integers of the currency's minor unit (KRW has none, USD has cents).
 */
export interface PointsPackage {
  id: string;
  /** KRW, integer. Paid points equal it. */
  price: number;
  /**
   * What the package costs in the other currencies it is sold in, set here, never converted at
   * payment time: the points are the package's whatever the currency. Absent: not sold in it.
   */
  foreignPrices: Partial<Record<Exclude<Currency, "KRW">, number>>;
  /** Paid points are what a refund gives money back for, in the currency paid, pro rata. */
  paidPoints: number;
  bonusPoints: number;
}

// Below the global PGs' minimum charge ($1.00) the smallest package is sold in won only.
export const POINTS_PACKAGES: readonly PointsPackage[] = [
  { id: "points-1000", price: 1_000, foreignPrices: {}, paidPoints: 1_000, bonusPoints: 0 },
  { id: "points-5000", price: 5_000, foreignPrices: { USD: 399, JPY: 550 }, paidPoints: 5_000, bonusPoints: 0 },
  {
    id: "points-10000",
    price: 10_000,
    foreignPrices: { USD: 799, JPY: 1_100 },
    paidPoints: 10_000,
    bonusPoints: 300,
  },
  {
    id: "points-30000",
    price: 30_000,
    foreignPrices: { USD: 2_299, JPY: 3_300 },
    paidPoints: 30_000,
    bonusPoints: 1_500,
  },
  {
    id: "points-50000",
    price: 50_000,
    foreignPrices: { USD: 3_799, JPY: 5_500 },
    paidPoints: 50_000,
    bonusPoints: 3_500,
  },
  {
    id: "points-100000",
    price: 100_000,
    foreignPrices: { USD: 7_499, JPY: 11_000 },
    paidPoints: 100_000,
    bonusPoints: 10_000,
  },
];

export function findPackage(id: string): PointsPackage | undefined {
  return POINTS_PACKAGES.find((candidate) => candidate.id === id);
}

/** The package's price in `currency` (minor units), or undefined where it is not sold in it. */
export function priceIn(pack: PointsPackage, currency: Currency): number | undefined {
  return currency === "KRW" ? pack.price : pack.foreignPrices[currency];
}

/** Automatic charges (billing keys) are in won. */
export function packageCurrency(): "KRW" {
  return "KRW";
}

/**
 * The order's name, as PortOne, the PG and the buyer's statement show it: Korean for won
 * payments of a Korean buyer, English otherwise (global PGs and PayPal show it abroad).
 */
export function orderNameOf(pack: PointsPackage, language: "ko" | "en" = "ko"): string {
  const total = pack.paidPoints + pack.bonusPoints;
  return language === "ko"
    ? `포인트 ${new Intl.NumberFormat("ko-KR").format(total)}P 충전`
    : `${new Intl.NumberFormat("en-US").format(total)} points`;
}
