"use client";

import { useActionState, useId, useState } from "react";
import { FormAlert, SubmitButton } from "@/app/_components/form-controls";
import { AUTO_CHARGE_TERMS_VERSION, lowBalanceAgreement } from "@/lib/billing/rule-text";
import { formatPoints, formatWon } from "@/lib/format";
import type { ActionState } from "@/lib/http/action";
import { POINTS_PACKAGES } from "@/lib/payments/catalog/packages";
import { createRuleAction } from "./actions";

const SELECT =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-500";

/**
 * The low-balance rule: what is charged, when, how often at most. The agreement below the fields
 * is rebuilt as they change and is the very text the server records when the box is ticked.
 */
export function LowBalanceRuleForm({ cards }: { cards: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState<ActionState<typeof createRuleAction>, FormData>(
    createRuleAction,
    null,
  );
  const refused = state?.ok === false ? state : undefined;
  const id = useId();
  const [cardId, setCardId] = useState(refused?.values?.paymentMethodId ?? cards[0]?.id ?? "");
  const [packageId, setPackageId] = useState(refused?.values?.packageId ?? "points-10000");
  const [threshold, setThreshold] = useState(refused?.values?.threshold ?? "1000");
  const [monthlyLimit, setMonthlyLimit] = useState(refused?.values?.monthlyLimit ?? "3");
  const pack = POINTS_PACKAGES.find((candidate) => candidate.id === packageId);
  const card = cards.find((candidate) => candidate.id === cardId);
  const thresholdNumber = Number(threshold);
  const limitNumber = Number(monthlyLimit);
  const agreement =
    pack && card && Number.isInteger(thresholdNumber) && thresholdNumber > 0 && limitNumber > 0
      ? lowBalanceAgreement({
          kind: "low_balance",
          pack,
          threshold: thresholdNumber,
          monthlyLimit: limitNumber,
          card: card.label,
        })
      : null;

  return (
    <form action={action} className="space-y-4" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="font-bold">
        잔액이 부족하면 자동 충전
      </h3>
      <input type="hidden" name="agreedVersion" value={AUTO_CHARGE_TERMS_VERSION} />
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block space-y-1.5 text-sm font-medium text-slate-800">
          <span>결제할 카드</span>
          <select
            name="paymentMethodId"
            value={cardId}
            onChange={(event) => setCardId(event.target.value)}
            className={SELECT}
          >
            {cards.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block space-y-1.5 text-sm font-medium text-slate-800">
          <span>충전 상품</span>
          <select
            name="packageId"
            value={packageId}
            onChange={(event) => setPackageId(event.target.value)}
            className={SELECT}
          >
            {POINTS_PACKAGES.map((option) => (
              <option key={option.id} value={option.id}>
                {formatWon(option.price)} ({formatPoints(option.paidPoints + option.bonusPoints)})
              </option>
            ))}
          </select>
        </label>
        <label className="block space-y-1.5 text-sm font-medium text-slate-800">
          <span>기준 잔액 (P)</span>
          <input
            name="threshold"
            type="number"
            inputMode="numeric"
            min={100}
            step={100}
            required
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
            className={SELECT}
          />
        </label>
        <label className="block space-y-1.5 text-sm font-medium text-slate-800">
          <span>한 달 최대 횟수</span>
          <select
            name="monthlyLimit"
            value={monthlyLimit}
            onChange={(event) => setMonthlyLimit(event.target.value)}
            className={SELECT}
          >
            {[1, 2, 3, 5, 10].map((count) => (
              <option key={count} value={String(count)}>
                {count}회
              </option>
            ))}
          </select>
        </label>
      </div>
      {agreement ? (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-800">
          <p className="font-semibold">자동 충전 동의 내용</p>
          <p data-testid="auto-charge-agreement" className="whitespace-pre-line">
            {agreement}
          </p>
          <label className="flex items-start gap-2 font-medium">
            <input type="checkbox" name="agreed" required className="mt-0.5 size-4" />
            <span>위 내용을 확인했으며 자동 결제에 동의합니다. (필수)</span>
          </label>
        </div>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.message}
        </p>
      ) : (
        <FormAlert message={refused?.error} />
      )}
      <SubmitButton pending={pending} pendingLabel="설정 중…" variant="compact">
        자동 충전 시작
      </SubmitButton>
    </form>
  );
}
