import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatKst } from "@/app/_components/date-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { paymentTimeline } from "@/lib/admin/payments";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatPoints, formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "관리자 · 결제 타임라인" };

const SOURCE_LABELS = {
  payment: "결제",
  refund: "환불",
  webhook: "웹훅",
  ledger: "원장",
  auto_charge: "자동 충전",
} as const;

export default async function AdminPaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  await requireAdminPage(`/admin/payments/${encodeURIComponent(paymentId)}`);
  const timeline = await paymentTimeline(paymentId);
  if (!timeline) notFound();
  const { payment, events } = timeline;

  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-sm text-brand-700 underline">
        ← 결제 검색
      </Link>
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <h1 className="break-all font-mono text-lg font-bold">{payment.id}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StatusBadge status={payment.status} />
          <span className="font-semibold">{formatMoney(payment.amount, payment.currency)}</span>
          <span>
            {formatPoints(payment.paidPoints)} + 보너스 {formatPoints(payment.bonusPoints)}
          </span>
          <Link href={`/admin/users/${payment.userId}`} className="underline">
            {payment.email}
          </Link>
        </div>
        {payment.transactionId ? (
          <p className="break-all text-xs text-slate-600">PortOne 거래번호 {payment.transactionId}</p>
        ) : null}
      </div>
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-lg font-bold">
          타임라인
        </h2>
        <ol className="space-y-2">
          {events.map((event, index) => (
            <li
              key={index}
              className="rounded-lg border border-slate-200 bg-white px-4 py-2.5"
              data-testid="timeline-event"
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">
                  {SOURCE_LABELS[event.source]}
                </span>
                <span className="font-semibold">{event.title}</span>
                <time className="ml-auto text-xs text-slate-500" dateTime={event.at.toISOString()}>
                  {formatKst(event.at, { seconds: true })}
                </time>
              </div>
              {event.detail ? <p className="mt-1 break-all text-xs text-slate-600">{event.detail}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
