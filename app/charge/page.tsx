import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUserId } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { checkoutScriptUrl } from "@/lib/env-schema";
import { paymentConsentPrompt } from "@/lib/legal/consents";
import { chargeCatalog } from "@/lib/payments/catalog/charge-catalog";
import { getFormatters } from "@/lib/i18n/server";
import { getBalance } from "@/lib/points/balance";
import { BonusNote } from "./bonus-note";
import { ChargeForm } from "./charge-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("charge"))("title") };
}

type Search = { package?: string | string[]; method?: string | string[] };

export default async function ChargePage({ searchParams }: { searchParams: Promise<Search> }) {
  // The chosen package and pay option live in the URL, so going back from PortOne's window,
  // 다시 결제하기 or signing in again finds them still chosen. Unknown ids are ignored.
  const search = await searchParams;
  const catalog = chargeCatalog();
  const packageId = catalog.packages.find((pack) => pack.id === search.package)?.id;
  const payOptionId = catalog.payOptions.find((option) => option.id === search.method)?.id;
  const kept = new URLSearchParams({
    ...(packageId ? { package: packageId } : {}),
    ...(payOptionId ? { method: payOptionId } : {}),
  });
  const userId = await requireUserId(kept.size > 0 ? `/charge?${kept.toString()}` : "/charge");
  const [balance, consent] = await Promise.all([getBalance(userId), paymentConsentPrompt(userId)]);
  const [t, format] = await Promise.all([getTranslations("charge"), getFormatters()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich("balanceNote", {
            points: format.points(balance.total),
            strong: (chunks) => <strong className="text-slate-900">{chunks}</strong>,
          })}
        </p>
      </div>
      <BonusNote />
      <ChargeForm
        catalog={catalog}
        consent={consent}
        initialChoice={{ packageId, payOptionId }}
        portoneScriptUrl={checkoutScriptUrl(env)}
      />
    </div>
  );
}
