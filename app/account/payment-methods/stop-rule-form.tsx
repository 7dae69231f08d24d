"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SubmitButton } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { stopRuleAction } from "./actions";

export function StopRuleForm({ ruleId }: { ruleId: string }) {
  const t = useTranslations("paymentMethods.rule");
  const [state, action, pending] = useActionState<ActionState<typeof stopRuleAction>, FormData>(stopRuleAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="ruleId" value={ruleId} />
      <SubmitButton pending={pending} pendingLabel={t("stopping")} variant="danger">
        {t("stop")}
      </SubmitButton>
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.message}
        </p>
      ) : (
        <FormAlert message={state?.ok === false ? state.error : undefined} />
      )}
    </form>
  );
}
