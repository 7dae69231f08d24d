import { formatKst } from "@/app/_components/date-time";
import type { RuleView } from "@/lib/billing/rules";
import { formatPoints, formatWon } from "@/lib/format";
import { findPackage } from "@/lib/payments/catalog/packages";
import { StopRuleForm } from "./stop-rule-form";

const PAUSE_REASONS: Record<string, string> = {
  declined: "결제가 여러 번 거절되어 자동 충전을 멈췄습니다. 결제 수단을 확인한 뒤 해지하고 다시 설정해 주세요.",
  payment_method_removed:
    "결제에 쓰던 결제 수단이 삭제되어 자동 충전을 멈췄습니다. 결제 수단을 새로 등록한 뒤 다시 설정해 주세요.",
};

/** One live rule: what it charges, its state, the next charge or retry, and how to stop it. */
export function RuleCard({ rule, balance }: { rule: RuleView; balance: number }) {
  const pack = findPackage(rule.packageId);
  const paused = rule.status === "PAUSED";
  // The rule acts when a spend takes the balance under the threshold; set while already under it,
  // it waits for the balance to be back above first. Said here so nobody waits for a charge.
  const waitsForBalance = rule.kind === "low_balance" && !paused && !rule.retryAt && balance < (rule.threshold ?? 0);
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 p-4" data-testid="auto-charge-rule">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-bold">{rule.kind === "monthly" ? "매월 자동 충전" : "잔액 부족 시 자동 충전"}</h3>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${paused ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-800"}`}
        >
          {paused ? "일시 중지" : "사용 중"}
        </span>
      </div>
      {paused ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {PAUSE_REASONS[rule.pausedReason ?? ""] ?? "자동 충전이 멈춰 있습니다."}
        </p>
      ) : null}
      {waitsForBalance ? (
        <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          지금 잔액({formatPoints(balance)})이 이미 기준보다 적습니다. 자동 충전은 잔액이 기준 이상이 된 뒤 포인트를
          써서 기준 아래로 내려갈 때 결제됩니다.
        </p>
      ) : null}
      <dl className="grid grid-cols-[7rem_1fr] gap-y-1.5 text-sm">
        <dt className="text-slate-600">조건</dt>
        <dd>
          {rule.kind === "monthly"
            ? `매월 ${rule.dayOfMonth}일 오전 9시`
            : `잔액이 ${formatPoints(rule.threshold ?? 0)} 미만이 되면`}
        </dd>
        <dt className="text-slate-600">충전</dt>
        <dd>
          {pack ? `${formatWon(pack.price)} (${formatPoints(pack.paidPoints + pack.bonusPoints)})` : rule.packageId}
        </dd>
        <dt className="text-slate-600">결제 수단</dt>
        <dd>{rule.methodLabel}</dd>
        <dt className="text-slate-600">한 달 최대</dt>
        <dd>{rule.monthlyLimit}회</dd>
        {rule.nextChargeAt && !paused ? (
          <>
            <dt className="text-slate-600">다음 결제</dt>
            <dd data-testid="next-charge">{formatKst(rule.nextChargeAt)}</dd>
          </>
        ) : null}
        {rule.retryAt && !paused ? (
          <>
            <dt className="text-slate-600">다시 시도</dt>
            <dd>
              {formatKst(rule.retryAt)} (결제 거절 {rule.failedAttempts}회)
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">동의</dt>
        <dd>{formatKst(rule.consentedAt)}</dd>
      </dl>
      <StopRuleForm ruleId={rule.id} />
    </div>
  );
}
