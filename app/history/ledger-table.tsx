import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Formatters } from "@/lib/i18n/formatters";
import { getFormatters } from "@/lib/i18n/server";
import type { LedgerEntryRow } from "@/lib/points/history";
import { describeEntry, type LedgerTranslator } from "./entry-text";

/** Every change of points, with what it was for: the payment charged or refunded, the item or order spent on. */
export async function LedgerTable({ entries }: { entries: LedgerEntryRow[] }) {
  const [t, format] = await Promise.all([getTranslations("ledger"), getFormatters()]);
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              {t("when")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium sm:px-2">
              {t("what")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              {t("change")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("balance")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const text = describeEntry(entry, t);
            return (
              <tr key={entry.id} data-testid="ledger-row" className="align-top">
                <td className="hidden px-3 py-2 text-xs text-slate-600 sm:table-cell">
                  {format.dateTime(entry.createdAt)}
                </td>
                <td className="px-3 py-2 sm:px-2">
                  <span className="font-semibold">{text.label}</span>
                  {text.detail ? (
                    <span className="block break-words">
                      {text.href ? (
                        <Link href={text.href} className="text-brand-700 underline hover:text-brand-600">
                          {text.detail}
                        </Link>
                      ) : (
                        text.detail
                      )}
                    </span>
                  ) : null}
                  {text.source ? <span className="block break-all text-xs text-slate-500">{text.source}</span> : null}
                  <CreditExpiry paid={entry.paidExpiresAt} bonus={entry.bonusExpiresAt} format={format} t={t} />
                  {/* On a phone the time goes under the content: four columns do not fit 360 px. */}
                  <span className="block text-xs text-slate-500 sm:hidden">{format.dateTime(entry.createdAt)}</span>
                </td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-semibold">
                  {format.signedPoints(entry.paidDelta + entry.bonusDelta)}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  {format.points(entry.paidBalanceAfter + entry.bonusBalanceAfter)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Until when a credit's points can be used, fixed when they were credited (README "Points validity"). */
function CreditExpiry({
  paid,
  bonus,
  format,
  t,
}: {
  paid: Date | null;
  bonus: Date | null;
  format: Formatters;
  t: LedgerTranslator;
}) {
  const parts = [
    paid ? t("paidUntil", { date: format.date(paid) }) : null,
    bonus ? t("bonusUntil", { date: format.date(bonus) }) : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <span className="block text-xs text-slate-600" data-testid="credit-expiry">
      {t("validity", { parts: parts.join(" · ") })}
    </span>
  );
}
