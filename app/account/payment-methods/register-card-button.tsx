"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, Spinner } from "@/app/_components/form-controls";
import { openBillingKeyWindow } from "@/app/charge/portone-browser";
import { confirmRegistrationAction, startRegistrationAction } from "./actions";

type Phase = "idle" | "preparing" | "registering" | "confirming";

const PHASE_LABELS: Record<Exclude<Phase, "idle">, string> = {
  preparing: "등록 준비 중…",
  registering: "카드 등록 진행 중…",
  confirming: "등록 확인 중…",
};

/** Opens PortOne's card window; a phone leaves for PortOne and comes back to ./result. */
export function RegisterCardButton({ portoneScriptUrl }: { portoneScriptUrl: string | undefined }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string>();
  const [registered, setRegistered] = useState(false);

  async function register() {
    setError(undefined);
    setRegistered(false);
    setPhase("preparing");
    try {
      const started = await startRegistrationAction({});
      if (!started.ok) throw new Error(started.error);
      setPhase("registering");
      const result = await openBillingKeyWindow(started.data, portoneScriptUrl);
      if (result.kind === "redirecting") return;
      if (result.kind === "failed") throw new Error(`카드를 등록하지 못했습니다: ${result.message}`);
      setPhase("confirming");
      const confirmed = await confirmRegistrationAction({ billingKey: result.billingKey });
      if (!confirmed.ok) throw new Error(confirmed.error);
      setRegistered(true);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "카드를 등록하지 못했습니다.");
    } finally {
      setPhase("idle");
    }
  }

  const busy = phase !== "idle";
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={register}
        disabled={busy}
        aria-busy={busy}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
      >
        {busy ? <Spinner /> : null}
        {busy ? PHASE_LABELS[phase] : "카드 등록"}
      </button>
      {registered ? (
        <p role="status" className="text-sm text-emerald-700">
          카드를 등록했습니다.
        </p>
      ) : null}
      <FormAlert message={error} />
    </div>
  );
}
