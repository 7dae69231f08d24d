import type { VirtualAccountDetails } from "@/db/schema";
import { formatWon } from "@/lib/format";
import { bankLabel } from "@/lib/portone/labels";
import { CopyButton } from "./copy-button";
import { formatKst } from "./date-time";

export function VirtualAccountPanel({ account, amount }: { account: VirtualAccountDetails; amount: number }) {
  return (
    <section aria-labelledby="va-heading" className="rounded-2xl border border-amber-200 bg-amber-50 p-5">
      <h2 id="va-heading" className="font-bold text-amber-950">
        입금할 계좌
      </h2>
      <dl className="mt-3 grid grid-cols-[5.5rem_1fr] items-center gap-y-2 text-sm">
        <dt className="text-amber-900">은행</dt>
        <dd className="font-semibold">{bankLabel(account.bank)}</dd>
        <dt className="text-amber-900">계좌번호</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-base font-bold" data-testid="va-account-number">
            {account.accountNumber}
          </span>
          <CopyButton value={account.accountNumber} label="계좌번호 복사" />
        </dd>
        <dt className="text-amber-900">예금주</dt>
        <dd>{account.holder || "-"}</dd>
        <dt className="text-amber-900">입금액</dt>
        <dd className="font-semibold">{formatWon(amount)}</dd>
        <dt className="text-amber-900">입금 기한</dt>
        <dd>{account.dueAt ? `${formatKst(account.dueAt)}까지` : "-"}</dd>
      </dl>
      <p className="mt-3 text-xs text-amber-900">
        입금이 확인되면 포인트가 자동으로 적립됩니다. 정확한 금액을 입금해 주세요.
      </p>
    </section>
  );
}
