import Link from "next/link";
import { formatKst, formatKstDate } from "@/app/_components/date-time";
import { formatPoints, formatSignedPoints } from "@/lib/format";
import type { LedgerEntryRow } from "@/lib/points/history";
import { describeEntry } from "./entry-text";

/** Every change of points, with what it was for: the payment charged or refunded, the item or order spent on. */
export function LedgerTable({ entries }: { entries: LedgerEntryRow[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">포인트 변동 내역이 없습니다.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              일시
            </th>
            <th scope="col" className="px-3 py-2 font-medium sm:px-2">
              내용
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              변동
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              잔액
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const text = describeEntry(entry);
            return (
              <tr key={entry.id} data-testid="ledger-row" className="align-top">
                <td className="hidden px-3 py-2 text-xs text-slate-600 sm:table-cell">{formatKst(entry.createdAt)}</td>
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
                  <CreditExpiry paid={entry.paidExpiresAt} bonus={entry.bonusExpiresAt} />
                  {/* On a phone the time goes under the content: four columns do not fit 360 px. */}
                  <span className="block text-xs text-slate-500 sm:hidden">{formatKst(entry.createdAt)}</span>
                </td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-semibold">
                  {formatSignedPoints(entry.paidDelta + entry.bonusDelta)}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  {formatPoints(entry.paidBalanceAfter + entry.bonusBalanceAfter)}
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
function CreditExpiry({ paid, bonus }: { paid: Date | null; bonus: Date | null }) {
  const parts = [
    paid ? `충전 포인트 ${formatKstDate(paid)}까지` : null,
    bonus ? `보너스 포인트 ${formatKstDate(bonus)}까지` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <span className="block text-xs text-slate-600" data-testid="credit-expiry">
      유효기간: {parts.join(" · ")}
    </span>
  );
}
