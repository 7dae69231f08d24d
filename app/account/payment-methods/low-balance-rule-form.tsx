"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { lowBalanceAgreement } from "@/lib/billing/rule-text";
import type { ActionState } from "@/lib/http/action";
import { createLowBalanceRuleAction } from "./actions";
import {
  MethodAndPackageFields,
  RuleFormShell,
  useMethodAndPackage,
  type MethodChoice,
  SELECT,
  SelectField,
  useTermsLanguage,
} from "./rule-form-parts";

const LIMITS = [1, 2, 3, 5, 10];

/**
 * The low-balance rule: what is charged, when, how often at most. The agreement below the fields
 * is rebuilt as they change and is the very text the server records when the box is ticked.
 */
export function LowBalanceRuleForm({ methods }: { methods: MethodChoice[] }) {
  const t = useTranslations("paymentMethods.form");
  const language = useTermsLanguage();
  const [state, action, pending] = useActionState<ActionState<typeof createLowBalanceRuleAction>, FormData>(
    createLowBalanceRuleAction,
    null,
  );
  const refill = state?.ok === false ? state.values : undefined;
  const choice = useMethodAndPackage(methods, refill);
  const [threshold, setThreshold] = useState(refill?.threshold ?? "1000");
  const [monthlyLimit, setMonthlyLimit] = useState(refill?.monthlyLimit ?? "3");
  const { pack, method } = choice;
  const thresholdNumber = Number(threshold);
  const agreement =
    pack && method && Number.isInteger(thresholdNumber) && thresholdNumber > 0
      ? lowBalanceAgreement(
          {
            kind: "low_balance",
            pack,
            threshold: thresholdNumber,
            monthlyLimit: Number(monthlyLimit),
            method: method.label,
          },
          language,
        )
      : null;

  return (
    <RuleFormShell
      title={t("lowBalanceTitle")}
      action={action}
      pending={pending}
      state={state}
      agreement={agreement}
      submitLabel={t("lowBalanceSubmit")}
      pendingLabel={t("lowBalancePending")}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <MethodAndPackageFields choice={choice} />
        <label className="block space-y-1.5 text-sm font-medium text-slate-800">
          <span>{t("threshold")}</span>
          <input
            name="threshold"
            type="number"
            inputMode="numeric"
            min={100}
            step={100}
            required
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
            className={SELECT}
          />
        </label>
        <SelectField
          label={t("monthlyLimit")}
          name="monthlyLimit"
          value={monthlyLimit}
          onChange={setMonthlyLimit}
          options={LIMITS.map((count) => ({ value: String(count), label: t("times", { count }) }))}
        />
      </div>
    </RuleFormShell>
  );
}
