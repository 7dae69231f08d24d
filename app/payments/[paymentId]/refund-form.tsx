"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { TextField, refilled } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { refundAction, refundToAccountAction } from "./actions";
import { RefundConfirm } from "./refund-confirm";
import type { RefundDestination } from "./refund-timing";

/** The typed refund account as the confirm step shows it: "KB국민은행 123456789012 (예금주 홍길동)". */
function describeAccount(form: HTMLFormElement): string {
  const data = new FormData(form);
  const bank = form.querySelector<HTMLSelectElement>('select[name="bank"]');
  const bankName = bank?.selectedOptions[0]?.textContent ?? "";
  return `${bankName} ${String(data.get("number") ?? "")} (예금주 ${String(data.get("holderName") ?? "")})`;
}

/** `banks`: asks for the account to refund into (virtual-account payments). */
export function RefundForm({
  paymentId,
  amount,
  points,
  destination,
  banks,
}: {
  paymentId: string;
  amount: number;
  points: string;
  destination: RefundDestination;
  banks?: { code: string; label: string }[];
}) {
  const [state, action, pending] = useActionState<ActionState<typeof refundToAccountAction>, FormData>(
    banks ? refundToAccountAction : refundAction,
    null,
  );
  const refused = state?.ok === false ? state : undefined;
  const bankId = useId();
  // One request per confirmation: a second press (Enter held, a double tap) before React
  // disables the button is dropped here, and the server's confirmedAmount check backs it up.
  const sending = useRef(false);
  useEffect(() => {
    sending.current = false;
  }, [state]);
  if (state?.ok) {
    // The page re-renders with the refund's outcome (RefundOutcome); this says it until then.
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {state.data.message}
      </p>
    );
  }
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (sending.current) event.preventDefault();
        sending.current = true;
      }}
      className="space-y-3"
    >
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
      <RefundConfirm
        amount={amount}
        points={points}
        destination={destination}
        pending={pending}
        settledKey={state}
        describeAccount={banks ? describeAccount : undefined}
      />
      {refused ? (
        <p role="alert" className="text-sm text-red-700">
          {refused.error}
        </p>
      ) : null}
    </form>
  );
}
