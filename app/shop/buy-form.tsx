"use client";

import { useActionState } from "react";
import { Spinner } from "@/app/_components/form-controls";
import { buyItemAction, type BuyState } from "./actions";

export function BuyForm({ itemId, itemName, priceLabel }: { itemId: string; itemName: string; priceLabel: string }) {
  const [state, action, pending] = useActionState<BuyState, FormData>(buyItemAction, {});
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="itemId" value={itemId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${itemName} ${priceLabel}에 구매`}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? <Spinner /> : null}
        {pending ? "구매 중…" : `${priceLabel} 구매`}
      </button>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
