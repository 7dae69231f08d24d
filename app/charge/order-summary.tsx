"use client";

import { useTranslations } from "next-intl";
import { useFormatters } from "@/lib/i18n/client";

interface ChosenPackage {
  price: number;
  paidPoints: number;
  bonusPoints: number;
}

/** What the buyer is about to pay, said once before the pay button: package, points, bonus, amount and method. */
export function OrderSummary({
  pack,
  currency,
  payOptionLabel,
}: {
  pack: ChosenPackage | undefined;
  /** The currency of `pack.price` (minor units). */
  currency: string;
  payOptionLabel: string | undefined;
}) {
  const t = useTranslations("orderSummary");
  const format = useFormatters();
  if (!pack) return null;
  const rows: [string, string, boolean?][] = [
    [t("package"), t("packagePoints", { points: format.points(pack.paidPoints + pack.bonusPoints) })],
    [t("paidPoints"), format.points(pack.paidPoints)],
    [t("bonusPoints"), pack.bonusPoints > 0 ? `+${format.points(pack.bonusPoints)}` : t("none")],
    [t("payOption"), payOptionLabel ?? t("choose")],
    [t("amount"), format.money(pack.price, currency), true],
  ];
  return (
    <section aria-labelledby="order-summary-heading" className="rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="order-summary-heading" className="mb-2 text-lg font-bold">
        {t("heading")}
      </h2>
      {/* A column of label and value on a phone, one row of five on a PC. */}
      <dl className="grid gap-y-1.5 text-sm sm:grid-cols-5 sm:gap-x-4" data-testid="order-summary">
        {rows.map(([label, value, total]) => (
          <div key={label} className="grid grid-cols-[6.5rem_1fr] sm:block">
            <dt className="text-slate-600">{label}</dt>
            <dd className={total ? "font-bold" : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
