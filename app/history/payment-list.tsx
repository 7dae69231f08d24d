import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/status-badge";
import type { Formatters } from "@/lib/i18n/formatters";
import { getFormatters } from "@/lib/i18n/server";
import { payOptionName } from "@/lib/i18n/pay-option-name";
import type { PaymentView } from "@/lib/payments/queries";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";

/** Points only where they were credited; "적립 예정" while the money is on its way; nothing for an attempt that failed. */
function PointsNote({
  payment,
  format,
  t,
}: {
  payment: PaymentView;
  format: Formatters;
  t: Awaited<ReturnType<typeof getTranslations<"history">>>;
}) {
  const points = format.points(payment.paidPoints + payment.bonusPoints);
  if (CREDITED_STATUSES.includes(payment.status))
    return <span className="ml-auto text-sm font-semibold text-slate-800">{t("credited", { points })}</span>;
  if (OPEN_STATUSES.includes(payment.status))
    return <span className="ml-auto text-sm text-slate-500">{t("toBeCredited", { points })}</span>;
  return <span className="ml-auto text-sm text-slate-500">{t("notCredited")}</span>;
}

export async function PaymentList({ payments }: { payments: PaymentView[] }) {
  const [t, names, format] = await Promise.all([
    getTranslations("history"),
    getTranslations("payOptionNames"),
    getFormatters(),
  ]);
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
            <span className="font-semibold">{format.money(payment.amount, payment.currency)}</span>
            <span className="text-sm text-slate-600">{payOptionName(names, payment.payOption)}</span>
            {payment.automatic ? (
              <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">
                {t("automatic")}
              </span>
            ) : null}
            <PointsNote payment={payment} format={format} t={t} />
            <time className="w-full text-xs text-slate-500" dateTime={payment.createdAt.toISOString()}>
              {format.dateTime(payment.createdAt)}
            </time>
          </Link>
        </li>
      ))}
    </ul>
  );
}
