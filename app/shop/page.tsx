import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireUserId } from "@/lib/auth/session";
import { getFormatters } from "@/lib/i18n/server";
import { getBalance } from "@/lib/points/balance";
import { SHOP_ITEMS } from "@/lib/points/shop-items";
import { BuyForm } from "./buy-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shop"))("title") };
}

const strong = (chunks: ReactNode) => <strong className="text-slate-900">{chunks}</strong>;

export default async function ShopPage() {
  const userId = await requireUserId("/shop");
  const [balance, t, format] = await Promise.all([getBalance(userId), getTranslations("shop"), getFormatters()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich("balance", { points: format.points(balance.total), strong })}{" "}
          <Link href="/charge" className="font-semibold text-brand-700 underline">
            {t("charge")}
          </Link>
        </p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {SHOP_ITEMS.map((item) => (
          <li key={item.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="font-bold">{t(`items.${item.id}.name`)}</p>
            <p className="text-sm text-slate-600">{t(`items.${item.id}.description`)}</p>
            <BuyForm itemId={item.id} itemName={t(`items.${item.id}.name`)} priceLabel={format.points(item.price)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
