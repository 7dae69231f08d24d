"use client";

import { useActionState, useState } from "react";
import { FormAlert, SubmitButton } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { removePaymentMethodAction } from "./actions";

/** Deleting asks once more: a rule charging this payment method stops with it. */
export function RemoveMethodForm({ paymentMethodId, label }: { paymentMethodId: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState<typeof removePaymentMethodAction>, FormData>(
    removePaymentMethodAction,
    null,
  );
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-50"
        aria-label={`${label} 삭제`}
      >
        삭제
      </button>
    );
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="paymentMethodId" value={paymentMethodId} />
      <p className="text-sm text-slate-700">이 결제 수단을 삭제할까요? 이 결제 수단으로 하던 자동 충전도 멈춥니다.</p>
      <div className="flex gap-2">
        <SubmitButton pending={pending} pendingLabel="삭제 중…" variant="danger">
          결제 수단 삭제
        </SubmitButton>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className="rounded-lg border border-slate-300 px-4 py-2.5 text-sm font-semibold text-slate-700 hover:bg-slate-50"
        >
          그대로 두기
        </button>
      </div>
      <FormAlert message={state?.ok === false ? state.error : undefined} />
    </form>
  );
}
