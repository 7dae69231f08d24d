"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { closeDepositAction } from "./actions";

/**
 * Closing an issued virtual account, behind a confirmation (it cannot be undone). Once closed, the
 * page renders the payment as ended (or credited, if a deposit came first) and this form is gone.
 */
export function CloseDepositForm({ paymentId }: { paymentId: string }) {
  const [state, action, pending] = useActionState<ActionState<typeof closeDepositAction>, FormData>(
    closeDepositAction,
    null,
  );
  const [confirming, setConfirming] = useState(false);
  return (
    <section
      aria-labelledby="close-deposit-heading"
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5"
    >
      <h2 id="close-deposit-heading" className="text-lg font-bold">
        다른 방법으로 결제하시나요?
      </h2>
      {confirming ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="paymentId" value={paymentId} />
          <p className="text-sm text-slate-700">
            계좌를 닫으면 이 계좌로는 입금할 수 없습니다. 이미 입금하셨다면 닫지 마세요.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <SubmitButton pending={pending} pendingLabel="계좌를 닫는 중…" variant="danger">
              계좌 닫기
            </SubmitButton>
            {/* Focus lands on the safe choice: the button that opened this question is gone. */}
            <button
              type="button"
              autoFocus
              onClick={() => setConfirming(false)}
              className="rounded-lg px-4 py-2.5 font-semibold text-slate-700 hover:bg-slate-100"
            >
              그대로 두기
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="text-sm text-slate-600">입금 전이라면 이 가상계좌를 닫고 다시 충전할 수 있습니다.</p>
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50"
          >
            입금 취소
          </button>
        </>
      )}
      {state?.ok === false ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </section>
  );
}
