import Link from "next/link";
import { formatKst } from "@/app/_components/date-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatPoints, formatWon } from "@/lib/format";
import { payOptionLabel } from "@/lib/payments/catalog/pay-option-table";
import type { PaymentView } from "@/lib/payments/queries";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";

/** Points only where they were credited; "적립 예정" while the money is on its way; nothing for an attempt that failed. */
function PointsNote({ payment }: { payment: PaymentView }) {
  const points = formatPoints(payment.paidPoints + payment.bonusPoints);
  if (CREDITED_STATUSES.includes(payment.status))
    return <span className="ml-auto text-sm font-semibold text-slate-800">{points} 적립</span>;
  if (OPEN_STATUSES.includes(payment.status))
    return <span className="ml-auto text-sm text-slate-500">{points} 적립 예정</span>;
  return <span className="ml-auto text-sm text-slate-500">적립 없음</span>;
}

export function PaymentList({ payments }: { payments: PaymentView[] }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {payments.map((payment) => (
        <li key={payment.id}>
          <Link
            href={`/payments/${payment.id}`}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50"
            data-testid="payment-row"
          >
            <StatusBadge status={payment.status} />
            <span className="font-semibold">{formatWon(payment.amount)}</span>
            <span className="text-sm text-slate-600">{payOptionLabel(payment.payOption)}</span>
            {payment.automatic ? (
              <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">자동 충전</span>
            ) : null}
            <PointsNote payment={payment} />
            <time className="w-full text-xs text-slate-500" dateTime={payment.createdAt.toISOString()}>
              {formatKst(payment.createdAt)}
            </time>
          </Link>
        </li>
      ))}
    </ul>
  );
}
