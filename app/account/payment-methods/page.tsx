import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUserId } from "@/lib/auth/session";
import { configuredBillingOptions, listPaymentMethods } from "@/lib/billing/payment-methods";
import { listLiveRules } from "@/lib/billing/rules";
import { paymentMethodLabel } from "@/lib/billing/rule-text";
import { env } from "@/lib/env";
import { getFormatters } from "@/lib/i18n/server";
import { getBalance } from "@/lib/points/balance";
import { LowBalanceRuleForm } from "./low-balance-rule-form";
import { MonthlyRuleForm } from "./monthly-rule-form";
import { RegisterMethodButtons } from "./register-method-buttons";
import { RemoveMethodForm } from "./remove-method-form";
import { RuleCard } from "./rule-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentMethods"))("title") };
}

export default async function PaymentMethodsPage() {
  const userId = await requireUserId("/account/payment-methods");
  const [t, names, format] = await Promise.all([
    getTranslations("paymentMethods"),
    getTranslations("paymentMethodNames"),
    getFormatters(),
  ]);
  const options = configuredBillingOptions().map(({ id }) => ({ id, label: names(id) }));
  if (options.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-slate-700">{t("notOffered")}</p>
      </div>
    );
  }
  const [methods, rules, balance] = await Promise.all([
    listPaymentMethods(userId),
    listLiveRules(userId, format.locale),
    getBalance(userId),
  ]);
  // The labels the rule forms put into the agreement: the server names the method the same way.
  const labelOf = (method: (typeof methods)[number]) => paymentMethodLabel(method, names);
  const choices = methods.map((method) => ({ id: method.id, label: labelOf(method) }));
  const lowBalanceRule = rules.find((rule) => rule.kind === "low_balance");
  const monthlyRule = rules.find((rule) => rule.kind === "monthly");

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/account" className="text-brand-700 underline">
            {t("account")}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{t("title")}</h1>
      </div>

      <section aria-labelledby="methods-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="methods-heading" className="text-lg font-bold">
            {t("registeredHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {t("intro", { options: options.map((option) => option.label).join(" · ") })}{" "}
            {options.some((option) => option.id !== "card") ? t("storedNoteWallets") : t("storedNoteCard")}
          </p>
        </div>
        {choices.length === 0 ? (
          <p className="text-sm text-slate-700">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("registeredHeading")}>
            {methods.map((method) => (
              <li key={method.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">{labelOf(method)}</p>
                  <p className="text-xs text-slate-600">
                    {method.activatedAt ? t("registeredAt", { time: format.dateTime(method.activatedAt) }) : null}
                  </p>
                </div>
                <RemoveMethodForm paymentMethodId={method.id} label={labelOf(method)} />
              </li>
            ))}
          </ul>
        )}
        <RegisterMethodButtons options={options} portoneScriptUrl={env.NEXT_PUBLIC_PORTONE_SDK_URL} />
      </section>

      <section aria-labelledby="auto-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="auto-heading" className="text-lg font-bold">
            {t("autoHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("autoIntro")}</p>
        </div>
        {choices.length === 0 && rules.length === 0 ? (
          <p className="text-sm text-slate-700">{t("registerFirst")}</p>
        ) : (
          <div className="space-y-6">
            {lowBalanceRule ? (
              <RuleCard rule={lowBalanceRule} balance={balance.total} />
            ) : choices.length > 0 ? (
              <LowBalanceRuleForm methods={choices} />
            ) : null}
            {monthlyRule ? (
              <RuleCard rule={monthlyRule} balance={balance.total} />
            ) : choices.length > 0 ? (
              <MonthlyRuleForm methods={choices} />
            ) : null}
          </div>
        )}
      </section>
    </div>
  );
}
