import { getTranslations } from "next-intl/server";
import { getFormatters } from "@/lib/i18n/server";
import type { Balance } from "@/lib/points/balance";

export async function BalanceCard({ balance }: { balance: Balance }) {
  const [t, format] = await Promise.all([getTranslations("balance"), getFormatters()]);
  return (
    <section
      aria-labelledby="balance-heading"
      className="rounded-2xl bg-gradient-to-br from-brand-600 to-brand-700 p-6 text-white shadow-md"
    >
      <h2 id="balance-heading" className="text-sm font-medium text-brand-100">
        {t("heading")}
      </h2>
      <p className="mt-1 text-4xl font-extrabold tracking-tight" data-testid="balance-total">
        {format.points(balance.total)}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
        <div className="rounded-lg bg-white/10 px-3 py-2">
          <dt className="text-brand-100">{t("paid")}</dt>
          <dd className="font-semibold">{format.points(balance.paid)}</dd>
        </div>
        <div className="rounded-lg bg-white/10 px-3 py-2">
          <dt className="text-brand-100">{t("bonus")}</dt>
          <dd className="font-semibold">{format.points(balance.bonus)}</dd>
        </div>
      </dl>
    </section>
  );
}
