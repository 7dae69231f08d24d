import type { Balance } from "@/lib/points/balance";
import { formatPoints } from "@/lib/format";

export function BalanceCard({ balance }: { balance: Balance }) {
  return (
    <section
      aria-labelledby="balance-heading"
      className="rounded-2xl bg-gradient-to-br from-brand-600 to-brand-700 p-6 text-white shadow-md"
    >
      <h2 id="balance-heading" className="text-sm font-medium text-brand-100">
        보유 포인트
      </h2>
      <p className="mt-1 text-4xl font-extrabold tracking-tight" data-testid="balance-total">
        {formatPoints(balance.total)}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
        <div className="rounded-lg bg-white/10 px-3 py-2">
          <dt className="text-brand-100">충전 포인트</dt>
          <dd className="font-semibold">{formatPoints(balance.paid)}</dd>
        </div>
        <div className="rounded-lg bg-white/10 px-3 py-2">
          <dt className="text-brand-100">보너스 포인트</dt>
          <dd className="font-semibold">{formatPoints(balance.bonus)}</dd>
        </div>
      </dl>
    </section>
  );
}
