import { getTranslations } from "next-intl/server";
import { getFormatters } from "@/lib/i18n/server";
import type { ExpiringPoints } from "@/lib/points/expiring-soon";
import { daysUntil } from "@/lib/points/validity";

/** The balance, and the points of it that expire within 30 days, so they can be used in time. */
export async function BalanceWithExpiry({
  balance,
  expiring,
  now,
}: {
  balance: { paid: number; bonus: number; total: number };
  expiring: ExpiringPoints[];
  now: Date;
}) {
  const [t, format] = await Promise.all([getTranslations("history"), getFormatters()]);
  return (
    <section aria-labelledby="balance-heading" className="rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="balance-heading" className="text-lg font-bold">
        {t.rich("balance", {
          total: format.points(balance.total),
          points: (chunks) => <span data-testid="history-balance">{chunks}</span>,
        })}
      </h2>
      <p className="text-sm text-slate-600">
        {t("balanceParts", { paid: format.points(balance.paid), bonus: format.points(balance.bonus) })}
      </p>
      {expiring.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm text-amber-800" data-testid="expiring-soon">
          {expiring.map((item) => (
            <li key={`${item.kind}-${item.expiresAt.toISOString()}`}>
              {t.rich("expiring", {
                kind: t(item.kind === "paid" ? "paidPoints" : "bonusPoints"),
                points: format.points(item.points),
                days: daysUntil(item.expiresAt, now),
                date: format.date(item.expiresAt),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
