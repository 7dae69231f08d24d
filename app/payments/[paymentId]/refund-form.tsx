"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/form-controls";
import { refundAction, type RefundState } from "./actions";

export function RefundForm({ paymentId, confirmLabel }: { paymentId: string; confirmLabel: string }) {
  const [state, action, pending] = useActionState<RefundState, FormData>(refundAction, {});
  if (state.ok) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {state.message}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="paymentId" value={paymentId} />
      <SubmitButton pending={pending} pendingLabel="환불 요청 중…" variant="danger">
        {confirmLabel}
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
