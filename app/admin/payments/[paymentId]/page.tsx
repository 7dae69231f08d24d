import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/status-badge";
import { paymentTimeline } from "@/lib/admin/payments";
import { requireAdminPage } from "@/lib/auth/admin";
import { getFormatters } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPayment"))("title") };
}

export default async function AdminPaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  await requireAdminPage(`/admin/payments/${encodeURIComponent(paymentId)}`);
  const [t, common, format] = await Promise.all([
    getTranslations("adminPayment"),
    getTranslations("adminCommon"),
    getFormatters(),
  ]);
  const timeline = await paymentTimeline(paymentId, format.locale);
  if (!timeline) notFound();
  const { payment, events } = timeline;

  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-sm text-brand-700 underline">
        {common("backToSearch")}
      </Link>
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <h1 className="break-all font-mono text-lg font-bold">{payment.id}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StatusBadge status={payment.status} />
          <span className="font-semibold">{format.money(payment.amount, payment.currency)}</span>
          <span>
            {t("points", { paid: format.points(payment.paidPoints), bonus: format.points(payment.bonusPoints) })}
          </span>
          <Link href={`/admin/users/${payment.userId}`} className="underline">
            {payment.email}
          </Link>
        </div>
        {payment.transactionId ? (
          <p className="break-all text-xs text-slate-600">{t("transactionId", { id: payment.transactionId })}</p>
        ) : null}
      </div>
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-lg font-bold">
          {t("timeline")}
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
                  {t(`sources.${event.source}`)}
                </span>
                <span className="font-semibold">{event.title}</span>
                <time className="ml-auto text-xs text-slate-500" dateTime={event.at.toISOString()}>
                  {format.dateTime(event.at, { seconds: true })}
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
