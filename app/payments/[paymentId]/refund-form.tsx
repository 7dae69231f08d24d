"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { TextField, refilled } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { refundAction, refundToAccountAction } from "./actions";
import { RefundConfirm } from "./refund-confirm";
import type { RefundDestination } from "./refund-timing";

/** The typed refund account's parts, as the confirm step shows them (bank name, number, holder). */
function typedAccount(form: HTMLFormElement) {
  const data = new FormData(form);
  const bank = form.querySelector<HTMLSelectElement>('select[name="bank"]');
  return {
    bank: bank?.selectedOptions[0]?.textContent ?? "",
    number: String(data.get("number") ?? ""),
    holder: String(data.get("holderName") ?? ""),
  };
}

/** `banks`: asks for the account to refund into (virtual-account payments). */
export function RefundForm({
  paymentId,
  amount,
  currency,
  points,
  destination,
  banks,
}: {
  paymentId: string;
  amount: number;
  currency: string;
  points: string;
  destination: RefundDestination;
  banks?: { code: string; label: string }[];
}) {
  const [state, action, pending] = useActionState<ActionState<typeof refundToAccountAction>, FormData>(
    banks ? refundToAccountAction : refundAction,
    null,
  );
  const t = useTranslations("refund.account");
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
          <legend className="text-sm font-semibold">{t("legend")}</legend>
          <div className="space-y-1.5">
            <label htmlFor={bankId} className="block text-sm font-medium text-slate-800">
              {t("bank")}
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
                {t("chooseBank")}
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
            label={t("number")}
            {...refilled(refused, "number")}
            inputMode="numeric"
            autoComplete="off"
            required
            hint={t("numberHint")}
          />
          <TextField
            label={t("holder")}
            {...refilled(refused, "holderName")}
            autoComplete="name"
            required
            maxLength={30}
          />
        </fieldset>
      ) : null}
      <RefundConfirm
        amount={amount}
        currency={currency}
        points={points}
        destination={destination}
        pending={pending}
        settledKey={state}
        describeAccount={banks ? (form) => t("summary", typedAccount(form)) : undefined}
      />
      {refused ? (
        <p role="alert" className="text-sm text-red-700">
          {refused.error}
        </p>
      ) : null}
    </form>
  );
}
