import type { Metadata } from "next";
import { requireUserId } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { checkoutScriptUrl } from "@/lib/env-schema";
import { paymentConsentPrompt } from "@/lib/legal/consents";
import { chargeCatalog } from "@/lib/payments/catalog/charge-catalog";
import { getBalance } from "@/lib/points/balance";
import { formatPoints } from "@/lib/format";
import { BonusNote } from "./bonus-note";
import { ChargeForm } from "./charge-form";

export const metadata: Metadata = { title: "포인트 충전" };

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
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">포인트 충전</h1>
        <p className="mt-1 text-sm text-slate-600">
          현재 보유 포인트 <strong className="text-slate-900">{formatPoints(balance.total)}</strong> · 결제가 확인되면
          바로 적립됩니다.
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
