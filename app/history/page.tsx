import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUserId } from "@/lib/auth/session";
import { countUnfinishedPayments, listOwnPayments, type PaymentListView } from "@/lib/payments/queries";
import { getBalance } from "@/lib/points/balance";
import { listExpiringSoon } from "@/lib/points/expiring-soon";
import { listLedgerEntries } from "@/lib/points/history";
import { BalanceWithExpiry } from "./expiring-notice";
import { LedgerTable } from "./ledger-table";
import { PaymentList } from "./payment-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

type Search = { view?: string; payments?: string; entries?: string };

function historyHref(search: Search, change: Search): string {
  const query = new URLSearchParams(
    Object.entries({ ...search, ...change }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return query ? `/history?${query}` : "/history";
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const view: PaymentListView = search.view === "unfinished" ? "unfinished" : "charges";
  const userId = await requireUserId(historyHref(search, {}));
  const now = new Date();
  const [paymentPage, unfinished, entryPage, balance, expiring] = await Promise.all([
    listOwnPayments(userId, search.payments, view),
    countUnfinishedPayments(userId),
    listLedgerEntries(userId, search.entries),
    getBalance(userId),
    listExpiringSoon(userId, now),
  ]);
  const t = await getTranslations("history");
  const tabs: { view: PaymentListView; label: string }[] = [
    { view: "charges", label: t("tabCharges") },
    { view: "unfinished", label: t("tabUnfinished", { count: unfinished }) },
  ];

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <BalanceWithExpiry balance={balance} expiring={expiring} now={now} />

      <section aria-labelledby="payments-heading" className="space-y-3">
        <h2 id="payments-heading" className="text-lg font-bold">
          {t("paymentsHeading")}
        </h2>
        <nav aria-label={t("paymentsNav")} className="flex gap-2">
          {tabs.map((tab) => (
            <Link
              key={tab.view}
              href={historyHref(search, { view: tab.view === "charges" ? undefined : tab.view, payments: undefined })}
              aria-current={tab.view === view ? "page" : undefined}
              className="rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-50 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        {view === "unfinished" ? <p className="text-sm text-slate-600">{t("unfinishedNote")}</p> : null}
        {paymentPage.items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
            {view === "unfinished" ? t("noUnfinished") : t("noCharges")}{" "}
            <Link href="/charge" className="font-semibold text-brand-700 underline">
              {t("chargeLink")}
            </Link>
          </p>
        ) : (
          <PaymentList payments={paymentPage.items} />
        )}
        {paymentPage.next ? (
          <MoreLink href={historyHref(search, { payments: paymentPage.next })} label={t("more")} />
        ) : null}
      </section>

      <section aria-labelledby="ledger-heading" className="space-y-3">
        <h2 id="ledger-heading" className="text-lg font-bold">
          {t("ledgerHeading")}
        </h2>
        <LedgerTable entries={entryPage.items} />
        {entryPage.next ? <MoreLink href={historyHref(search, { entries: entryPage.next })} label={t("more")} /> : null}
      </section>
    </div>
  );
}

function MoreLink({ href, label }: { href: string; label: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-300 bg-white px-4 py-2 text-center text-sm font-semibold hover:bg-slate-50"
    >
      {label}
    </Link>
  );
}
