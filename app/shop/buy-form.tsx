"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { buyItemAction } from "./actions";

export function BuyForm({ itemId, itemName, priceLabel }: { itemId: string; itemName: string; priceLabel: string }) {
  const t = useTranslations("shop");
  const [state, action, pending] = useActionState<ActionState<typeof buyItemAction>, FormData>(buyItemAction, null);
  const message = state?.ok ? state.data.message : state?.error;
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="itemId" value={itemId} />
      <SubmitButton pending={pending} pendingLabel={t("buying")} variant="compact">
        {/* Heard as "이모티콘 팩 2,500 P 구매": the name a listener needs, with the words a sighted user sees. */}
        <span className="sr-only">{itemName} </span>
        {t("buy", { price: priceLabel })}
      </SubmitButton>
      {message ? (
        <p
          role={state?.ok ? "status" : "alert"}
          className={`text-sm ${state?.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {message}
        </p>
      ) : null}
    </form>
  );
}
