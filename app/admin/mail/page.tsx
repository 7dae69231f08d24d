import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { recentMail, type MailState } from "@/lib/admin/mail-outbox";
import { requireAdminPage } from "@/lib/auth/admin";
import { getFormatters } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMail"))("title") };
}

const STATE_CLASS: Record<MailState, string> = {
  sent: "bg-emerald-100 text-emerald-800",
  pending: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-800",
};

export default async function AdminMailPage() {
  await requireAdminPage("/admin/mail");
  const [mail, t, common, format] = await Promise.all([
    recentMail(),
    getTranslations("adminMail"),
    getTranslations("adminCommon"),
    getFormatters(),
  ]);

  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-sm text-brand-700 underline">
        {common("backToSearch")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {mail.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white"
          aria-label={t("list")}
        >
          {mail.map((message) => (
            <li key={message.id} className="space-y-1 px-4 py-3" data-testid="admin-mail-row">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span
                  className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATE_CLASS[message.state]}`}
                >
                  {t(`states.${message.state}`)}
                </span>
                <span className="font-semibold">{message.subject}</span>
                <time className="ml-auto text-xs text-slate-500" dateTime={message.createdAt.toISOString()}>
                  {format.dateTime(message.createdAt)}
                </time>
              </div>
              <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                <span className="break-all">{t("recipient", { recipient: message.recipient })}</span>
                <span>{t("attempts", { count: message.attempts })}</span>
                {message.sentAt ? <span>{t("sentAt", { date: format.dateTime(message.sentAt) })}</span> : null}
                {message.state === "pending" && message.nextAttemptAt && message.attempts > 0 ? (
                  <span>{t("nextAttempt", { date: format.dateTime(message.nextAttemptAt) })}</span>
                ) : null}
              </p>
              {message.lastError && !message.sentAt ? (
                <p className="break-all text-xs text-red-700">{t("lastError", { error: message.lastError })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
