import "server-only";
import { POINTS_PACKAGES } from "./packages";
import { PAY_OPTIONS } from "./pay-options";

/** What the charge page shows: prices and labels only, never channel keys. */
export function chargeCatalog() {
  return {
    packages: POINTS_PACKAGES.map(({ id, price, paidPoints, bonusPoints }) => ({ id, price, paidPoints, bonusPoints })),
    payOptions: PAY_OPTIONS.map(({ id, label, cashReceipt }) => ({ id, label, cashReceipt })),
  };
}

export type ChargeCatalog = ReturnType<typeof chargeCatalog>;
