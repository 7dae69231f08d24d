import { getTranslations } from "next-intl/server";
import type { VirtualAccountDetails } from "@/db/schema";
import { getFormatters } from "@/lib/i18n/server";
import { bankLabel } from "@/lib/portone/labels";
import { CopyButton } from "./copy-button";

export async function VirtualAccountPanel({
  account,
  amount,
  currency,
}: {
  account: VirtualAccountDetails;
  amount: number;
  currency: string;
}) {
  const [t, format] = await Promise.all([getTranslations("virtualAccount"), getFormatters()]);
  return (
    <section aria-labelledby="va-heading" className="rounded-2xl border border-amber-200 bg-amber-50 p-5">
      <h2 id="va-heading" className="font-bold text-amber-950">
        {t("heading")}
      </h2>
      <dl className="mt-3 grid grid-cols-[5.5rem_1fr] items-center gap-y-2 text-sm">
        <dt className="text-amber-900">{t("bank")}</dt>
        <dd className="font-semibold">{bankLabel(account.bank, format.locale)}</dd>
        <dt className="text-amber-900">{t("accountNumber")}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-base font-bold" data-testid="va-account-number">
            {account.accountNumber}
          </span>
          <CopyButton value={account.accountNumber} label={t("copyAccountNumber")} />
        </dd>
        <dt className="text-amber-900">{t("holder")}</dt>
        <dd>{account.holder || "-"}</dd>
        <dt className="text-amber-900">{t("amount")}</dt>
        <dd className="font-semibold">{format.money(amount, currency)}</dd>
        <dt className="text-amber-900">{t("dueAt")}</dt>
        {/* In the buyer's zone, named: a deadline read in the wrong zone is missed. */}
        <dd>{account.dueAt ? t("until", { date: format.dateTime(account.dueAt) }) : "-"}</dd>
      </dl>
      <p className="mt-3 text-xs text-amber-900">{t("note")}</p>
    </section>
  );
}
