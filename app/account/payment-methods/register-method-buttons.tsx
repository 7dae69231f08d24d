"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, Spinner } from "@/app/_components/form-controls";
import { openBillingKeyWindow } from "@/app/charge/portone-browser";
import type { BillingOptionId } from "@/lib/billing/billing-options";
import { confirmRegistrationAction, startRegistrationAction } from "./actions";

type Phase = "idle" | "preparing" | "registering" | "confirming";

const PHASE_LABELS: Record<Exclude<Phase, "idle">, string> = {
  preparing: "등록 준비 중…",
  registering: "등록 진행 중…",
  confirming: "등록 확인 중…",
};

// Every label in lib/billing/billing-options.ts ends in a vowel, so "를" always fits.
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
      if (result.kind === "failed") throw new Error(`${option.label}를 등록하지 못했습니다: ${result.message}`);
      setPhase("confirming");
      const confirmed = await confirmRegistrationAction({ billingKey: result.billingKey });
      if (!confirmed.ok) throw new Error(confirmed.error);
      setRegistered(`${option.label}를 등록했습니다.`);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : `${option.label}를 등록하지 못했습니다.`);
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
              {running ? PHASE_LABELS[phase] : `${option.label} 등록`}
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
