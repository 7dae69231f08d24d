import { formatKstDate } from "@/app/_components/date-time";
import { formatPoints } from "@/lib/format";
import type { ExpiringPoints } from "@/lib/points/expiring-soon";
import { daysUntil } from "@/lib/points/validity";

/** The balance, and the points of it that expire within 30 days, so they can be used in time. */
export function BalanceWithExpiry({
  balance,
  expiring,
  now,
}: {
  balance: { paid: number; bonus: number; total: number };
  expiring: ExpiringPoints[];
  now: Date;
}) {
  return (
    <section aria-labelledby="balance-heading" className="rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="balance-heading" className="text-lg font-bold">
        보유 포인트 <span data-testid="history-balance">{formatPoints(balance.total)}</span>
      </h2>
      <p className="text-sm text-slate-600">
        충전 포인트 {formatPoints(balance.paid)} · 보너스 포인트 {formatPoints(balance.bonus)}
      </p>
      {expiring.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm text-amber-800" data-testid="expiring-soon">
          {expiring.map((item) => (
            <li key={`${item.kind}-${item.expiresAt.toISOString()}`}>
              {item.kind === "paid" ? "충전 포인트" : "보너스 포인트"} {formatPoints(item.points)}:{" "}
              <strong>{daysUntil(item.expiresAt, now)}일 후 소멸 예정</strong> ({formatKstDate(item.expiresAt)})
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
