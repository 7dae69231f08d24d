import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { formatPoints } from "@/lib/format";
import { getBalance } from "@/lib/points/balance";
import { SHOP_ITEMS } from "@/lib/points/shop-items";
import { BuyForm } from "./buy-form";

export const metadata: Metadata = { title: "포인트 샵" };

export default async function ShopPage() {
  const userId = await requireUserId("/shop");
  const balance = await getBalance(userId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">포인트 샵</h1>
        <p className="mt-1 text-sm text-slate-600">
          보유 <strong className="text-slate-900">{formatPoints(balance.total)}</strong> · 보너스 포인트가 먼저
          사용됩니다.{" "}
          <Link href="/charge" className="font-semibold text-brand-700 underline">
            충전하기
          </Link>
        </p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {SHOP_ITEMS.map((item) => (
          <li key={item.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="font-bold">{item.name}</p>
            <p className="text-sm text-slate-600">{item.description}</p>
            <BuyForm itemId={item.id} itemName={item.name} priceLabel={formatPoints(item.price)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
