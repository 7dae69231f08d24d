"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField, refilled } from "@/app/_components/form-controls";
import { adjustPointsAction } from "@/app/admin/actions";
import type { ActionState } from "@/lib/http/action";

export function AdjustForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<ActionState<typeof adjustPointsAction>, FormData>(
    adjustPointsAction,
    null,
  );
  const refused = state?.ok === false ? state : undefined;
  return (
    <form
      action={action}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      aria-labelledby="adjust-heading"
    >
      <h2 id="adjust-heading" className="text-lg font-bold">
        보너스 포인트 조정
      </h2>
      <input type="hidden" name="userId" value={userId} />
      <TextField
        label="변경 포인트"
        {...refilled(refused, "delta")}
        type="number"
        step={1}
        required
        hint="지급은 양수, 회수는 음수 (예: 500, -300)"
      />
      <TextField label="사유" {...refilled(refused, "reason")} required minLength={2} maxLength={200} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.message}
        </p>
      ) : (
        <FormAlert message={refused?.error} />
      )}
      <SubmitButton pending={pending} pendingLabel="조정 중…" variant="compact">
        조정하기
      </SubmitButton>
    </form>
  );
}
