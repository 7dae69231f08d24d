import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatters } from "@/lib/i18n/server";
import { requireUserId } from "@/lib/auth/session";
import { findProfile } from "@/lib/auth/users";
import { getBalance } from "@/lib/points/balance";
import { listLiveRules } from "@/lib/billing/rules";
import { LinkButton } from "../_components/link-button";
import { BalanceCard } from "../_components/balance-card";
import { signOutEverywhereAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const userId = await requireUserId("/account");
  const [user, balance, rules] = await Promise.all([findProfile(userId), getBalance(userId), listLiveRules(userId)]);
  const paused = rules.some((rule) => rule.status === "PAUSED");
  const [t, format] = await Promise.all([getTranslations("account"), getFormatters()]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <BalanceCard balance={balance} />
      <section aria-labelledby="profile-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="profile-heading" className="text-lg font-bold">
          {t("profile")}
        </h2>
        <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-600">{t("name")}</dt>
          <dd>{user?.name ?? "-"}</dd>
          <dt className="text-slate-600">{t("email")}</dt>
          <dd className="break-all">{user?.email}</dd>
          <dt className="text-slate-600">{t("joined")}</dt>
          <dd>{user ? format.longDate(user.createdAt) : "-"}</dd>
        </dl>
      </section>
      <section aria-labelledby="methods-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="methods-heading" className="text-lg font-bold">
          {t("methodsHeading")}
        </h2>
        {paused ? (
          <p
            role="alert"
            className="mt-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {t("paused")}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{rules.length > 0 ? t("autoChargeOn") : t("autoChargeOffer")}</p>
        )}
        <div className="mt-4">
          <LinkButton href="/account/payment-methods" variant="secondary">
            {t("manageMethods")}
          </LinkButton>
        </div>
      </section>
      <section aria-labelledby="sessions-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="sessions-heading" className="text-lg font-bold">
          {t("sessionsHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("sessionsNote")}</p>
        <form action={signOutEverywhereAction} className="mt-4">
          <button
            type="submit"
            className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            {t("signOutEverywhere")}
          </button>
        </form>
      </section>
    </div>
  );
}
