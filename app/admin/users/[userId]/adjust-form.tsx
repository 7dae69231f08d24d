"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField, refilled } from "@/app/_components/form-controls";
import { adjustPointsAction } from "@/app/admin/actions";
import type { ActionState } from "@/lib/http/action";

export function AdjustForm({ userId }: { userId: string }) {
  const t = useTranslations("adminAdjust");
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
        {t("heading")}
      </h2>
      <input type="hidden" name="userId" value={userId} />
      <TextField
        label={t("delta")}
        {...refilled(refused, "delta")}
        type="number"
        step={1}
        required
        hint={t("deltaHint")}
      />
      <TextField label={t("reason")} {...refilled(refused, "reason")} required minLength={2} maxLength={200} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.message}
        </p>
      ) : (
        <FormAlert message={refused?.error} />
      )}
      <SubmitButton pending={pending} pendingLabel={t("pending")} variant="compact">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
