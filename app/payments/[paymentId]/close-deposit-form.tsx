"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("closeDeposit");
  return (
    <section
      aria-labelledby="close-deposit-heading"
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5"
    >
      <h2 id="close-deposit-heading" className="text-lg font-bold">
        {t("heading")}
      </h2>
      {confirming ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="paymentId" value={paymentId} />
          <p className="text-sm text-slate-700">{t("warning")}</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <SubmitButton pending={pending} pendingLabel={t("closing")} variant="danger">
              {t("close")}
            </SubmitButton>
            {/* Focus lands on the safe choice: the button that opened this question is gone. */}
            <button
              type="button"
              autoFocus
              onClick={() => setConfirming(false)}
              className="rounded-lg px-4 py-2.5 font-semibold text-slate-700 hover:bg-slate-100"
            >
              {t("keep")}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("offer")}</p>
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50"
          >
            {t("cancelDeposit")}
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
