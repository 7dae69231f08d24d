"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert, Spinner } from "@/app/_components/form-controls";
import { PaymentModuleUnavailable } from "@/app/charge/load-script";
import { openBillingKeyWindow } from "@/app/charge/portone-browser";
import type { BillingOptionId } from "@/lib/billing/billing-options";
import { confirmRegistrationAction, startRegistrationAction } from "./actions";

type Phase = "idle" | "preparing" | "registering" | "confirming";

// Every Korean name in paymentMethodNames (카드, 카카오페이, …) ends in a vowel, so "를" always fits.
export type RegisterOption = { id: BillingOptionId; label: string };

/**
 * One button per way to register (카드, 카카오페이, …); each opens PortOne's issuing window for it.
 * A phone leaves for PortOne and comes back to ./result. One registration runs at a time.
 */
export function RegisterMethodButtons({
  options,
  portoneScriptUrl,
}: {
  options: RegisterOption[];
  portoneScriptUrl: string | undefined;
}) {
  const router = useRouter();
  const t = useTranslations("paymentMethods.register");
  const [phase, setPhase] = useState<Phase>("idle");
  const [active, setActive] = useState<BillingOptionId>();
  const [error, setError] = useState<string>();
  const [registered, setRegistered] = useState<string>();

  async function register(option: RegisterOption) {
    setError(undefined);
    setRegistered(undefined);
    setActive(option.id);
    setPhase("preparing");
    try {
      const started = await startRegistrationAction({ method: option.id });
      if (!started.ok) throw new Error(started.error);
      setPhase("registering");
      const result = await openBillingKeyWindow(started.data, portoneScriptUrl);
      if (result.kind === "redirecting") return;
      if (result.kind === "failed")
        throw new Error(
          result.message
            ? t("failedWith", { method: option.label, message: result.message })
            : t("failed", { method: option.label }),
        );
      setPhase("confirming");
      const confirmed = await confirmRegistrationAction({ billingKey: result.billingKey });
      if (!confirmed.ok) throw new Error(confirmed.error);
      setRegistered(t("done", { method: option.label }));
      router.refresh();
    } catch (failure) {
      if (failure instanceof PaymentModuleUnavailable) setError(t("moduleUnavailable"));
      else setError(failure instanceof Error ? failure.message : t("failed", { method: option.label }));
    } finally {
      setPhase("idle");
    }
  }

  const busy = phase !== "idle";
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {options.map((option, index) => {
          const running = busy && active === option.id;
          return (
            <button
              key={option.id}
              type="button"
              onClick={() => register(option)}
              disabled={busy}
              aria-busy={running}
              className={
                index === 0
                  ? "flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
                  : "flex items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70"
              }
            >
              {running ? <Spinner /> : null}
              {running ? t(phase) : t("button", { method: option.label })}
            </button>
          );
        })}
      </div>
      {registered ? (
        <p role="status" className="text-sm text-emerald-700">
          {registered}
        </p>
      ) : null}
      <FormAlert message={error} />
    </div>
  );
}
