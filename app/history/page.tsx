import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { countUnfinishedPayments, listOwnPayments, type PaymentListView } from "@/lib/payments/queries";
import { getBalance } from "@/lib/points/balance";
import { listExpiringSoon } from "@/lib/points/expiring-soon";
import { listLedgerEntries } from "@/lib/points/history";
import { BalanceWithExpiry } from "./expiring-notice";
import { LedgerTable } from "./ledger-table";
import { PaymentList } from "./payment-list";

export const metadata: Metadata = { title: "충전 내역" };

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
  const tabs: { view: PaymentListView; label: string }[] = [
    { view: "charges", label: "충전" },
    { view: "unfinished", label: `실패·종료 ${unfinished}건` },
  ];

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">충전 내역</h1>
      <BalanceWithExpiry balance={balance} expiring={expiring} now={now} />

      <section aria-labelledby="payments-heading" className="space-y-3">
        <h2 id="payments-heading" className="text-lg font-bold">
          결제
        </h2>
        <nav aria-label="결제 구분" className="flex gap-2">
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
        {view === "unfinished" ? (
          <p className="text-sm text-slate-600">
            완료되지 않았거나 취소된 결제 시도입니다. 포인트는 적립되지 않았습니다.
          </p>
        ) : null}
        {paymentPage.items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
            {view === "unfinished" ? "실패하거나 종료된 결제가 없습니다." : "아직 충전 내역이 없습니다."}{" "}
            <Link href="/charge" className="font-semibold text-brand-700 underline">
              포인트 충전하기
            </Link>
          </p>
        ) : (
          <PaymentList payments={paymentPage.items} />
        )}
        {paymentPage.next ? <MoreLink href={historyHref(search, { payments: paymentPage.next })} /> : null}
      </section>

      <section aria-labelledby="ledger-heading" className="space-y-3">
        <h2 id="ledger-heading" className="text-lg font-bold">
          포인트 변동
        </h2>
        <LedgerTable entries={entryPage.items} />
        {entryPage.next ? <MoreLink href={historyHref(search, { entries: entryPage.next })} /> : null}
      </section>
    </div>
  );
}

function MoreLink({ href }: { href: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-300 bg-white px-4 py-2 text-center text-sm font-semibold hover:bg-slate-50"
    >
      더 보기
    </Link>
  );
}
