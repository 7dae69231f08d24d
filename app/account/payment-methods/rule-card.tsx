import { getTranslations } from "next-intl/server";
import type { RuleView } from "@/lib/billing/rules";
import { getFormatters } from "@/lib/i18n/server";
import { findPackage } from "@/lib/payments/catalog/packages";
import { StopRuleForm } from "./stop-rule-form";

const PAUSE_REASONS = ["declined", "payment_method_removed"] as const;
type PauseReason = (typeof PAUSE_REASONS)[number];
const isPauseReason = (reason: string | null): reason is PauseReason =>
  (PAUSE_REASONS as readonly (string | null)[]).includes(reason);

/** One live rule: what it charges, its state, the next charge or retry, and how to stop it. */
export async function RuleCard({ rule, balance }: { rule: RuleView; balance: number }) {
  const [t, format] = await Promise.all([getTranslations("paymentMethods.rule"), getFormatters()]);
  const pack = findPackage(rule.packageId);
  const paused = rule.status === "PAUSED";
  // The rule acts when a spend takes the balance under the threshold; set while already under it,
  // it waits for the balance to be back above first. Said here so nobody waits for a charge.
  const waitsForBalance = rule.kind === "low_balance" && !paused && !rule.retryAt && balance < (rule.threshold ?? 0);
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 p-4" data-testid="auto-charge-rule">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-bold">{rule.kind === "monthly" ? t("monthlyTitle") : t("lowBalanceTitle")}</h3>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${paused ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-800"}`}
        >
          {paused ? t("paused") : t("active")}
        </span>
      </div>
      {paused ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(`pauseReasons.${isPauseReason(rule.pausedReason) ? rule.pausedReason : "other"}`)}
        </p>
      ) : null}
      {waitsForBalance ? (
        <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t("waitsForBalance", { balance: format.points(balance) })}
        </p>
      ) : null}
      <dl className="grid grid-cols-[7rem_1fr] gap-y-1.5 text-sm">
        <dt className="text-slate-600">{t("condition")}</dt>
        <dd>
          {rule.kind === "monthly"
            ? t("monthlyCondition", { day: String(rule.dayOfMonth) })
            : t("lowBalanceCondition", { threshold: format.points(rule.threshold ?? 0) })}
        </dd>
        <dt className="text-slate-600">{t("charge")}</dt>
        <dd>
          {pack ? `${format.won(pack.price)} (${format.points(pack.paidPoints + pack.bonusPoints)})` : rule.packageId}
        </dd>
        <dt className="text-slate-600">{t("method")}</dt>
        <dd>{rule.methodLabel}</dd>
        <dt className="text-slate-600">{t("monthlyMax")}</dt>
        <dd>{t("times", { count: rule.monthlyLimit })}</dd>
        {rule.nextChargeAt && !paused ? (
          <>
            <dt className="text-slate-600">{t("nextCharge")}</dt>
            <dd data-testid="next-charge">{format.dateTime(rule.nextChargeAt)}</dd>
          </>
        ) : null}
        {rule.retryAt && !paused ? (
          <>
            <dt className="text-slate-600">{t("retry")}</dt>
            <dd>{t("retryDetail", { time: format.dateTime(rule.retryAt), count: rule.failedAttempts })}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("consented")}</dt>
        <dd>{format.dateTime(rule.consentedAt)}</dd>
      </dl>
      <StopRuleForm ruleId={rule.id} />
    </div>
  );
}
