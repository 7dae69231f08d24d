import type { Metadata } from "next";
import { requireUserId } from "@/lib/auth/session";
import { chargeCatalog } from "@/lib/payments/catalog/charge-catalog";
import { getBalance } from "@/lib/points/balance";
import { formatPoints } from "@/lib/format";
import { ChargeForm } from "./charge-form";

export const metadata: Metadata = { title: "포인트 충전" };

type Search = { package?: string | string[]; method?: string | string[] };

export default async function ChargePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const userId = await requireUserId("/charge");
  const balance = await getBalance(userId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">포인트 충전</h1>
        <p className="mt-1 text-sm text-slate-600">
          현재 보유 포인트 <strong className="text-slate-900">{formatPoints(balance.total)}</strong> · 결제가 확인되면
          바로 적립됩니다.
        </p>
      </div>
      {/* 다시 결제하기 comes back with the package and pay option of the attempt; unknown ids are ignored. */}
      <ChargeForm
        catalog={chargeCatalog()}
        initialChoice={{
          packageId: typeof search.package === "string" ? search.package : undefined,
          payOptionId: typeof search.method === "string" ? search.method : undefined,
        }}
      />
    </div>
  );
}
