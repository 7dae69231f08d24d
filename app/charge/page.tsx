import type { Metadata } from "next";
import { requireUserId } from "@/lib/auth/session";
import { paymentConsentPrompt } from "@/lib/legal/consents";
import { chargeCatalog } from "@/lib/payments/catalog/charge-catalog";
import { getBalance } from "@/lib/points/balance";
import { formatPoints } from "@/lib/format";
import { ChargeForm } from "./charge-form";

export const metadata: Metadata = { title: "포인트 충전" };

export default async function ChargePage() {
  const userId = await requireUserId("/charge");
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
      <ChargeForm catalog={chargeCatalog()} consent={consent} />
    </div>
  );
}
