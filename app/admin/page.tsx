import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/status-badge";
import { searchPayments } from "@/lib/admin/payments";
import { requireAdminPage } from "@/lib/auth/admin";
import { getFormatters } from "@/lib/i18n/server";
import { PAYMENT_STATUSES, type PaymentStatus } from "@/lib/payments/sync/transitions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSearch"))("title") };
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string }> }) {
  await requireAdminPage("/admin");
  const { q = "", status } = await searchParams;
  const statusFilter = PAYMENT_STATUSES.find((candidate) => candidate === status);
  const [results, t, statusWords, format] = await Promise.all([
    searchPayments(q.slice(0, 200), statusFilter),
    getTranslations("adminSearch"),
    // Statuses read as the buyer's words, not as codes.
    getTranslations("paymentStatus"),
    getFormatters(),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <Link href="/admin/mail" className="text-sm text-brand-700 underline">
          {t("mailLink")}
        </Link>
      </div>
      <form role="search" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <label className="min-w-56 flex-1 space-y-1.5 text-sm font-medium">
          <span className="block">{t("query")}</span>
          <input
            name="q"
            defaultValue={q}
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
          />
        </label>
        <label className="space-y-1.5 text-sm font-medium">
          <span className="block">{t("status")}</span>
          <select
            name="status"
            defaultValue={statusFilter ?? ""}
            className="block rounded-lg border border-slate-300 px-3 py-2.5 text-base"
          >
            <option value="">{t("allStatuses")}</option>
            {PAYMENT_STATUSES.map((option: PaymentStatus) => (
              <option key={option} value={option}>
                {statusWords(`${option}.badge`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          {t("submit")}
        </button>
      </form>

      {results.length === 0 ? (
        <p className="text-slate-600">{t("noResults")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white"
          aria-label={t("results")}
        >
          {results.map((payment) => (
            <li
              key={payment.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3"
              data-testid="admin-payment-row"
            >
              <StatusBadge status={payment.status} />
              <Link
                href={`/admin/payments/${payment.id}`}
                className="break-all font-mono text-sm font-semibold text-brand-700 underline"
              >
                {payment.id}
              </Link>
              <span className="font-semibold">{format.money(payment.amount, payment.currency)}</span>
              <Link href={`/admin/users/${payment.userId}`} className="text-sm text-slate-700 underline">
                {payment.email}
              </Link>
              <time className="ml-auto text-xs text-slate-500" dateTime={payment.createdAt.toISOString()}>
                {format.dateTime(payment.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
