"use client";

import { useActionState, useId } from "react";
import { SubmitButton, TextField, refilled } from "@/app/_components/form-controls";
import { formatWon } from "@/lib/format";
import type { ActionState } from "@/lib/http/action";
import { refundAction, refundToAccountAction } from "./actions";

/** `banks`: asks for the account to refund into (virtual-account payments). */
export function RefundForm({
  paymentId,
  amount,
  banks,
}: {
  paymentId: string;
  amount: number;
  banks?: { code: string; label: string }[];
}) {
  const [state, action, pending] = useActionState<ActionState<typeof refundToAccountAction>, FormData>(
    banks ? refundToAccountAction : refundAction,
    null,
  );
  const refused = state?.ok === false ? state : undefined;
  const bankId = useId();
  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {state.data.message}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="confirmedAmount" value={amount} />
      {banks ? (
        // Keyed by what was sent: a select does not follow a changed defaultValue, so after a refused
        // attempt the fields mount again holding what the user typed.
        <fieldset key={JSON.stringify(refused?.values ?? null)} className="space-y-3">
          <legend className="text-sm font-semibold">환불받을 계좌</legend>
          <div className="space-y-1.5">
            <label htmlFor={bankId} className="block text-sm font-medium text-slate-800">
              은행
            </label>
            <select
              id={bankId}
              name="bank"
              required
              defaultValue={refused?.values?.bank ?? ""}
              aria-invalid={refused?.fieldErrors?.bank ? true : undefined}
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base"
            >
              <option value="" disabled>
                은행 선택
              </option>
              {banks.map((bank) => (
                <option key={bank.code} value={bank.code}>
                  {bank.label}
                </option>
              ))}
            </select>
            {refused?.fieldErrors?.bank ? <p className="text-sm text-red-700">{refused.fieldErrors.bank[0]}</p> : null}
          </div>
          <TextField
            label="계좌번호"
            {...refilled(refused, "number")}
            inputMode="numeric"
            autoComplete="off"
            required
            hint="숫자만, 하이픈(-)은 빼도 됩니다"
          />
          <TextField label="예금주" {...refilled(refused, "holderName")} autoComplete="name" required maxLength={30} />
        </fieldset>
      ) : null}
      <SubmitButton pending={pending} pendingLabel="환불 요청 중…" variant="danger">
        {`${formatWon(amount)} 환불하기`}
      </SubmitButton>
      {refused ? (
        <p role="alert" className="text-sm text-red-700">
          {refused.error}
        </p>
      ) : null}
    </form>
  );
}
