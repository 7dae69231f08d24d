import "server-only";
import type { Currency } from "@/lib/money/currencies";
import { POINTS_PACKAGES, priceIn } from "./packages";
import { PAY_OPTIONS } from "./pay-options";

/**
 * What the charge page shows: prices and labels only, never channel keys. The currencies offered
 * are those of the configured pay options (a channel settles in one currency), won first; a
 * package appears in a currency only where it has a price in it.
 */
export function chargeCatalog() {
  const currencies = [...new Set(PAY_OPTIONS.map((option) => option.currency))];
  return {
    currencies,
    packages: POINTS_PACKAGES.map((pack) => ({
      id: pack.id,
      paidPoints: pack.paidPoints,
      bonusPoints: pack.bonusPoints,
      prices: Object.fromEntries(
        currencies.flatMap((currency) => {
          const price = priceIn(pack, currency);
          return price === undefined ? [] : [[currency, price]];
        }),
      ) as Partial<Record<Currency, number>>,
    })),
    payOptions: PAY_OPTIONS.map(({ id, cashReceipt, currency, paymentUi }) => ({
      id,
      cashReceipt,
      currency,
      paymentUi,
    })),
  };
}

export type ChargeCatalog = ReturnType<typeof chargeCatalog>;
