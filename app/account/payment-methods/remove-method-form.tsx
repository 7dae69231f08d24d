"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormAlert, SubmitButton } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { removePaymentMethodAction } from "./actions";

/** Deleting asks once more: a rule charging this payment method stops with it. */
export function RemoveMethodForm({ paymentMethodId, label }: { paymentMethodId: string; label: string }) {
  const t = useTranslations("paymentMethods.remove");
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
        aria-label={t("label", { method: label })}
      >
        {t("button")}
      </button>
    );
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="paymentMethodId" value={paymentMethodId} />
      <p className="text-sm text-slate-700">{t("question")}</p>
      <div className="flex gap-2">
        <SubmitButton pending={pending} pendingLabel={t("pending")} variant="danger">
          {t("submit")}
        </SubmitButton>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className="rounded-lg border border-slate-300 px-4 py-2.5 text-sm font-semibold text-slate-700 hover:bg-slate-50"
        >
          {t("keep")}
        </button>
      </div>
      <FormAlert message={state?.ok === false ? state.error : undefined} />
    </form>
  );
}
