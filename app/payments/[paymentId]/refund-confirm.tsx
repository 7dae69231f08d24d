"use client";

import { useEffect, useId, useRef, useState } from "react";
import { SubmitButton } from "@/app/_components/form-controls";
import { formatWon } from "@/lib/format";
import { withObjectParticle } from "@/lib/text/particles";
import type { RefundDestination } from "./refund-timing";

/**
 * The refund's confirm step: the first button opens a modal dialog (keyboard operable, Escape
 * cancels, focus starts on 취소 and goes back to the button) that names the amount, the points
 * taken back and where the money goes; only its 환불 신청 submits the surrounding form.
 * `describeAccount` reads the typed refund account (virtual accounts) to show it before sending.
 */
export function RefundConfirm({
  amount,
  points,
  destination,
  pending,
  settledKey,
  describeAccount,
}: {
  amount: number;
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
        {`${formatWon(amount)} 환불하기`}
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
            {withObjectParticle(formatWon(amount))} 환불하시겠습니까?
          </h2>
          <dl className="grid grid-cols-[5.5rem_1fr] gap-y-2 text-sm" data-testid="refund-confirm-summary">
            <dt className="text-slate-600">환불 금액</dt>
            <dd className="font-semibold">{formatWon(amount)}</dd>
            <dt className="text-slate-600">회수 포인트</dt>
            <dd>{points}</dd>
            <dt className="text-slate-600">환불 방법</dt>
            <dd>
              {destination.method}
              {account ? <span className="block text-slate-700">{account}</span> : null}
            </dd>
          </dl>
          <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">{destination.timing}</p>
          <p className="text-xs text-slate-500">신청하면 포인트가 바로 회수되며 취소할 수 없습니다.</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button
              type="button"
              autoFocus
              onClick={close}
              disabled={pending}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-70"
            >
              취소
            </button>
            <SubmitButton pending={pending} pendingLabel="환불 요청 중…" variant="danger">
              환불 신청
            </SubmitButton>
          </div>
        </div>
      </dialog>
    </>
  );
}
