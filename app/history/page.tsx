import type { Metadata } from "next";
import Link from "next/link";
import type { PointEntryKind } from "@/db/schema";
import { formatKst } from "@/app/_components/date-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireUserId } from "@/lib/auth/session";
import { formatPoints, formatSignedPoints, formatWon } from "@/lib/format";
import { payOptionLabel } from "@/lib/payments/catalog/pay-option-table";
import { listOwnPayments } from "@/lib/payments/queries";
import { listLedgerEntries } from "@/lib/points/history";

export const metadata: Metadata = { title: "충전 내역" };

const ENTRY_KINDS: Record<PointEntryKind, string> = {
  charge: "충전",
  spend: "사용",
  refund: "환불",
  external_cancel: "결제 취소",
  adjust: "조정",
};

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<{ payments?: string; entries?: string }>;
}) {
  const search = await searchParams;
  const userId = await requireUserId("/history");
  const [paymentPage, entryPage] = await Promise.all([
    listOwnPayments(userId, search.payments),
    listLedgerEntries(userId, search.entries),
  ]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">충전 내역</h1>

      <section aria-labelledby="payments-heading" className="space-y-3">
        <h2 id="payments-heading" className="text-lg font-bold">
          결제
        </h2>
        {paymentPage.items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
            아직 결제 내역이 없습니다.{" "}
            <Link href="/charge" className="font-semibold text-brand-700 underline">
              포인트 충전하기
            </Link>
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
            {paymentPage.items.map((payment) => (
              <li key={payment.id}>
                <Link
                  href={`/payments/${payment.id}`}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50"
                  data-testid="payment-row"
                >
                  <StatusBadge status={payment.status} />
                  <span className="font-semibold">{formatWon(payment.amount)}</span>
                  <span className="text-sm text-slate-600">{payOptionLabel(payment.payOption)}</span>
                  <span className="ml-auto text-sm text-slate-700">
                    {formatPoints(payment.paidPoints + payment.bonusPoints)}
                  </span>
                  <time className="w-full text-xs text-slate-500" dateTime={payment.createdAt.toISOString()}>
                    {formatKst(payment.createdAt)}
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {paymentPage.next ? (
          <MoreLink
            href={`/history?payments=${paymentPage.next}${search.entries ? `&entries=${search.entries}` : ""}`}
          />
        ) : null}
      </section>

      <section aria-labelledby="ledger-heading" className="space-y-3">
        <h2 id="ledger-heading" className="text-lg font-bold">
          포인트 변동
        </h2>
        {entryPage.items.length === 0 ? (
          <p className="text-sm text-slate-600">포인트 변동 내역이 없습니다.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    일시
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    내용
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    변동
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    잔액
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entryPage.items.map((entry) => (
                  <tr key={entry.id} data-testid="ledger-row">
                    <td className="px-3 py-2 text-xs text-slate-600">{formatKst(entry.createdAt)}</td>
                    <td className="whitespace-nowrap px-2 py-2">{ENTRY_KINDS[entry.kind]}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-right font-semibold">
                      {formatSignedPoints(entry.paidDelta + entry.bonusDelta)}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-right">
                      {formatPoints(entry.paidBalanceAfter + entry.bonusBalanceAfter)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {entryPage.next ? (
          <MoreLink
            href={`/history?entries=${entryPage.next}${search.payments ? `&payments=${search.payments}` : ""}`}
          />
        ) : null}
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
