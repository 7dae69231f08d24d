"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { SubmitButton } from "@/app/_components/form-controls";
import { useFormatters } from "@/lib/i18n/client";
import { withObjectParticle } from "@/lib/text/particles";
import type { RefundDestination } from "./refund-timing";

/**
 * The refund's confirm step: the first button opens a modal dialog (keyboard operable, Escape
 * cancels, focus starts on its cancel button and goes back to the opening one) that names the
 * amount, the points taken back and where the money goes; only its submit button sends the form.
 * `describeAccount` reads the typed refund account (virtual accounts) to show it before sending.
 */
export function RefundConfirm({
  amount,
  currency,
  points,
  destination,
  pending,
  settledKey,
  describeAccount,
}: {
  amount: number;
  currency: string;
  points: string;
  destination: RefundDestination;
  pending: boolean;
  /** Changes with every answer of the action: the dialog closes so the page's answer is seen. */
  settledKey: unknown;
  describeAccount?: (form: HTMLFormElement) => string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [account, setAccount] = useState<string>();
  const t = useTranslations("refund.confirm");
  const format = useFormatters();
  const won = format.money(amount, currency);

  useEffect(() => {
    if (dialogRef.current?.open) dialogRef.current.close();
  }, [settledKey]);

  function open() {
    const form = triggerRef.current?.form;
    // The account fields are checked before the amount is confirmed, as the server will.
    if (!form || !form.reportValidity()) return;
    setAccount(describeAccount?.(form));
    dialogRef.current?.showModal();
  }

  function close() {
    // While the request runs the dialog stays: closing it would not stop the refund.
    if (!pending) dialogRef.current?.close();
  }

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        onClick={open}
        disabled={pending}
        className="flex w-full items-center justify-center rounded-lg border border-red-300 bg-white px-4 py-2.5 font-semibold text-red-700 hover:bg-red-50 disabled:opacity-70 sm:w-auto"
      >
        {t("open", { amount: won })}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onCancel={(event) => {
          if (pending) event.preventDefault();
        }}
        onClose={() => triggerRef.current?.focus()}
        className="w-[calc(100%-2rem)] max-w-md rounded-2xl p-0 backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-bold">
            {/* Korean puts the object particle after the amount: "10,000원을 환불하시겠습니까?" */}
            {t("question", { amount: format.locale === "ko" ? withObjectParticle(won) : won })}
          </h2>
          <dl className="grid grid-cols-[5.5rem_1fr] gap-y-2 text-sm" data-testid="refund-confirm-summary">
            <dt className="text-slate-600">{t("amount")}</dt>
            <dd className="font-semibold">{won}</dd>
            <dt className="text-slate-600">{t("points")}</dt>
            <dd>{points}</dd>
            <dt className="text-slate-600">{t("method")}</dt>
            <dd>
              {destination.method}
              {account ? <span className="block text-slate-700">{account}</span> : null}
            </dd>
          </dl>
          <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">{destination.timing}</p>
          <p className="text-xs text-slate-500">{t("final")}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button
              type="button"
              autoFocus
              onClick={close}
              disabled={pending}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-70"
            >
              {t("cancel")}
            </button>
            <SubmitButton pending={pending} pendingLabel={t("sending")} variant="danger">
              {t("submit")}
            </SubmitButton>
          </div>
        </div>
      </dialog>
    </>
  );
}
