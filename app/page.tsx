import { getTranslations } from "next-intl/server";
import { currentSession } from "@/lib/auth";
import { getBalance } from "@/lib/points/balance";
import { BalanceCard } from "./_components/balance-card";
import { LinkButton } from "./_components/link-button";

const PAY_METHODS = ["card", "easyPay", "transfer", "virtualAccount"] as const;

export default async function HomePage() {
  const session = await currentSession();
  const userId = session?.user?.id;
  const t = await getTranslations("home");

  if (userId) {
    const balance = await getBalance(userId);
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">
          {t("greeting", { name: session.user.name ?? session.user.email ?? "" })}
        </h1>
        <BalanceCard balance={balance} />
        <div className="flex flex-col gap-2 sm:flex-row">
          <LinkButton href="/charge" large>
            {t("charge")}
          </LinkButton>
          <LinkButton href="/history" variant="secondary" large>
            {t("history")}
          </LinkButton>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-10">
      <section className="space-y-4 text-center sm:text-left">
        <p className="text-sm font-semibold text-brand-700">{t("tagline")}</p>
        <h1 className="text-3xl font-extrabold leading-tight tracking-tight sm:text-4xl">
          {t("heroFirst")}
          <br />
          {t("heroSecond")}
        </h1>
        <p className="text-slate-600">{t("promise")}</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <LinkButton href="/sign-up" large>
            {t("signUp")}
          </LinkButton>
          <LinkButton href="/sign-in" variant="secondary" large>
            {t("signIn")}
          </LinkButton>
        </div>
      </section>
      <section aria-labelledby="methods-heading">
        <h2 id="methods-heading" className="mb-3 text-lg font-bold">
          {t("methodsHeading")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {PAY_METHODS.map((method) => (
            <li key={method} className="rounded-xl border border-slate-200 bg-white p-4">
              <p className="font-semibold">{t(`methods.${method}.title`)}</p>
              <p className="text-sm text-slate-600">{t(`methods.${method}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
