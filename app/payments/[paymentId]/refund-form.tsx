"use client";

import { useActionState } from "react";
import { Spinner } from "@/app/_components/form-controls";
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
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg border border-red-300 bg-white px-4 py-2.5 font-semibold text-red-700 hover:bg-red-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
      >
        {pending ? <Spinner /> : null}
        {pending ? "환불 요청 중…" : confirmLabel}
      </button>
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
