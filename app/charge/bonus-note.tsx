import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";
import { configuredValidity } from "@/lib/points/configured-validity";

const strong = (chunks: ReactNode) => <strong className="text-slate-800">{chunks}</strong>;

/** What bonus points are, how long each kind stays usable, and what a refund does with them (README "Refunds"). */
export async function BonusNote() {
  const t = await getTranslations("bonusNote");
  const validity = configuredValidity();
  // "1,825일(5년)", "90일", or no limit at all for 0 days.
  const describe = (days: number) =>
    days <= 0 ? t("noLimit") : days % 365 === 0 ? t("daysAndYears", { days, years: days / 365 }) : t("days", { days });
  return (
    <div className="space-y-1 rounded-lg bg-slate-50 px-3 py-2 text-xs leading-relaxed text-slate-600">
      <p data-testid="bonus-note">{t.rich("bonus", { days: REFUND_WINDOW_DAYS, strong })}</p>
      <p data-testid="validity-note">
        {t.rich("validity", { paid: describe(validity.paidDays), bonus: describe(validity.bonusDays), strong })}
      </p>
    </div>
  );
}
