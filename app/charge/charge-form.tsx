"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, Spinner } from "@/app/_components/form-controls";
import { formatPoints, formatWon } from "@/lib/format";
import type { ChargeCatalog } from "@/lib/payments/catalog/charge-catalog";
import { completePaymentAction, startCheckoutAction } from "./actions";
import type { PaymentConsentPrompt } from "@/lib/legal/consents";
import { ChoiceCard, ChoiceFieldset } from "./choice-card";
import { agreedConsents, ConsentFields } from "./consent-fields";
import { openPaymentWindow } from "./portone-browser";

type Phase = "idle" | "preparing" | "paying" | "confirming";

const PHASE_LABELS: Record<Exclude<Phase, "idle">, string> = {
  preparing: "결제 준비 중…",
  paying: "결제 진행 중…",
  confirming: "결제 확인 중…",
};

export function ChargeForm({ catalog, consent }: { catalog: ChargeCatalog; consent: PaymentConsentPrompt }) {
  const router = useRouter();
  const [packageId, setPackageId] = useState(catalog.packages[2]?.id ?? catalog.packages[0]?.id ?? "");
  const [payOptionId, setPayOptionId] = useState(catalog.payOptions[0]?.id ?? "");
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string>();
  const selected = catalog.packages.find((pack) => pack.id === packageId);
  const packageGroup = { name: "package", chosen: packageId, choose: setPackageId };
  const payOptionGroup = { name: "payOption", chosen: payOptionId, choose: setPayOptionId };
  const busy = phase !== "idle";

  async function pay(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    const agreed = agreedConsents(event.currentTarget as HTMLFormElement);
    setError(undefined);
    setPhase("preparing");
    try {
      const started = await startCheckoutAction({ packageId, payOptionId, agreed });
      if (!started.ok) throw new Error(started.error);
      setPhase("paying");
      const result = await openPaymentWindow(started.data);
      if (result.kind === "redirecting") return;
      if (result.kind === "failed") {
        // Let the server record the failure too; the message is what the user needs now.
        void completePaymentAction({ paymentId: result.paymentId });
        throw new Error(`결제가 완료되지 않았습니다: ${result.message}`);
      }
      setPhase("confirming");
      await completePaymentAction({ paymentId: result.paymentId });
      router.push(`/charge/result?paymentId=${encodeURIComponent(result.paymentId)}`);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "결제를 진행하지 못했습니다.");
      setPhase("idle");
    }
  }

  return (
    <form onSubmit={pay} className="space-y-6" aria-busy={busy}>
      <ChoiceFieldset legend="충전 상품" disabled={busy} gridClass="gap-3 sm:grid-cols-3">
        {catalog.packages.map((pack) => (
          <ChoiceCard
            key={pack.id}
            group={packageGroup}
            value={pack.id}
            ariaLabel={`${formatPoints(pack.paidPoints + pack.bonusPoints)} (${formatWon(pack.price)})`}
            className="relative flex flex-col rounded-xl border-2 border-slate-200 bg-white p-3"
          >
            <span className="text-lg font-extrabold">{formatPoints(pack.paidPoints + pack.bonusPoints)}</span>
            <span className="text-sm text-slate-600">{formatWon(pack.price)}</span>
            {pack.bonusPoints > 0 ? (
              <span className="mt-1 self-start rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                보너스 +{formatPoints(pack.bonusPoints)}
              </span>
            ) : null}
          </ChoiceCard>
        ))}
      </ChoiceFieldset>

      <ChoiceFieldset legend="결제 수단" disabled={busy} gridClass="gap-2 sm:grid-cols-4">
        {catalog.payOptions.map((option) => (
          <ChoiceCard
            key={option.id}
            group={payOptionGroup}
            value={option.id}
            className="flex items-center justify-center rounded-lg border border-slate-300 bg-white px-2 py-3 text-center text-sm font-medium has-[:checked]:text-brand-700"
          >
            {option.label}
          </ChoiceCard>
        ))}
      </ChoiceFieldset>

      <ConsentFields prompt={consent} disabled={busy} />

      <FormAlert message={error} />

      <button
        type="submit"
        disabled={busy || !selected}
        aria-busy={busy}
        className="flex w-full items-center justify-center gap-2 rounded-xl bg-brand-600 px-4 py-4 text-lg font-bold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {busy ? <Spinner /> : null}
        {busy
          ? PHASE_LABELS[phase as Exclude<Phase, "idle">]
          : selected
            ? `${formatWon(selected.price)} 결제하기`
            : "상품을 선택하세요"}
      </button>
    </form>
  );
}
