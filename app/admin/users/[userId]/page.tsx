import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findUserForAdmin, isUserId, listAdjustments } from "@/lib/admin/adjustments";
import { autoChargesForAdmin } from "@/lib/admin/auto-charges";
import { ruleEventTitle } from "@/lib/billing/event-text";
import { requireAdminPage } from "@/lib/auth/admin";
import { getFormatters } from "@/lib/i18n/server";
import { AdjustForm } from "./adjust-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUser"))("title") };
}

export default async function AdminUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  await requireAdminPage(`/admin/users/${encodeURIComponent(userId)}`);
  // An id that is no user's makes the lists empty; the four are read at once.
  if (!isUserId(userId)) notFound();
  const [user, adjustments, autoCharges, t, format] = await Promise.all([
    findUserForAdmin(userId),
    listAdjustments(userId),
    autoChargesForAdmin(userId),
    getTranslations("adminUser"),
    getFormatters(),
  ]);
  if (!user) notFound();

  return (
    <div className="space-y-6">
      <Link href={`/admin?q=${encodeURIComponent(user.email)}`} className="text-sm text-brand-700 underline">
        {t("backToPayments")}
      </Link>
      <div className="space-y-1 rounded-xl border border-slate-200 bg-white p-4">
        <h1 className="break-all text-lg font-bold">{user.email}</h1>
        <p className="text-sm text-slate-600">
          {user.name ?? t("noName")} · {t("joined", { date: format.dateTime(user.createdAt) })}
          {user.isAdmin ? ` · ${t("adminMark")}` : ""}
        </p>
        <p className="text-sm" data-testid="admin-user-balance">
          {t("balance", { paid: format.points(user.paidBalance), bonus: format.points(user.bonusBalance) })}
        </p>
      </div>
      <AdjustForm userId={user.id} />
      <section aria-labelledby="adjustments-heading" className="space-y-3">
        <h2 id="adjustments-heading" className="text-lg font-bold">
          {t("adjustments")}
        </h2>
        {adjustments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noAdjustments")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {adjustments.map((adjustment) => (
              <li
                key={adjustment.id}
                className="flex flex-wrap gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
                data-testid="adjustment-row"
              >
                <span className="font-semibold">{format.signedPoints(adjustment.bonusDelta)}</span>
                <span className="break-all">{adjustment.reason}</span>
                <span className="ml-auto text-xs text-slate-500">
                  {adjustment.adminEmail} · {format.dateTime(adjustment.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="auto-charge-heading" className="space-y-3">
        <h2 id="auto-charge-heading" className="text-lg font-bold">
          {t("autoCharge")}
        </h2>
        {autoCharges.rules.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noRules")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
            {autoCharges.rules.map((rule) => (
              <li key={rule.id} className="space-y-1 px-4 py-2.5" data-testid="admin-auto-charge-rule">
                <p className="font-semibold">
                  {rule.kind === "low_balance"
                    ? t("lowBalanceRule", { threshold: format.points(rule.threshold ?? 0) })
                    : t("monthlyRule", { day: rule.dayOfMonth ?? 0 })}{" "}
                  · {rule.packageId} · {t("monthlyLimit", { limit: rule.monthlyLimit })} · {rule.status}
                  {rule.pausedReason ? ` (${rule.pausedReason})` : ""}
                </p>
                <p className="text-xs text-slate-500">
                  {t("consent", {
                    date: format.dateTime(rule.consentedAt, { seconds: true }),
                    version: rule.consentVersion,
                    digest: rule.consentTextSha256.slice(0, 12),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
        {autoCharges.events.length > 0 ? (
          <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
            {autoCharges.events.map((event) => (
              <li
                key={event.id}
                className="flex flex-wrap gap-x-3 gap-y-1 px-4 py-2"
                data-testid="admin-auto-charge-event"
              >
                <span className="font-semibold">{ruleEventTitle(event.type, format.locale)}</span>
                {event.paymentId ? (
                  <Link href={`/admin/payments/${event.paymentId}`} className="break-all text-brand-700 underline">
                    {event.paymentId}
                  </Link>
                ) : null}
                <span className="ml-auto text-xs text-slate-500">
                  {format.dateTime(event.createdAt, { seconds: true })}
                </span>
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </div>
  );
}
