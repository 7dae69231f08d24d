"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { monthlyAgreement } from "@/lib/billing/rule-text";
import type { ActionState } from "@/lib/http/action";
import { createMonthlyRuleAction } from "./actions";
import {
  MethodAndPackageFields,
  RuleFormShell,
  useMethodAndPackage,
  type MethodChoice,
  SelectField,
  useTermsLanguage,
} from "./rule-form-parts";

// Up to the 28th: every month has one.
const DAYS = Array.from({ length: 28 }, (_, index) => index + 1);

/** The monthly rule: a package charged on a day of every month, through PortOne's payment schedule. */
export function MonthlyRuleForm({ methods }: { methods: MethodChoice[] }) {
  const t = useTranslations("paymentMethods.form");
  const language = useTermsLanguage();
  const [state, action, pending] = useActionState<ActionState<typeof createMonthlyRuleAction>, FormData>(
    createMonthlyRuleAction,
    null,
  );
  const refill = state?.ok === false ? state.values : undefined;
  const choice = useMethodAndPackage(methods, refill);
  const [dayOfMonth, setDayOfMonth] = useState(refill?.dayOfMonth ?? "1");
  const { pack, method } = choice;
  const agreement =
    pack && method
      ? monthlyAgreement({ kind: "monthly", pack, dayOfMonth: Number(dayOfMonth), method: method.label }, language)
      : null;

  return (
    <RuleFormShell
      title={t("monthlyTitle")}
      action={action}
      pending={pending}
      state={state}
      agreement={agreement}
      submitLabel={t("monthlySubmit")}
      pendingLabel={t("monthlyPending")}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <MethodAndPackageFields choice={choice} />
        <SelectField
          label={t("day")}
          name="dayOfMonth"
          value={dayOfMonth}
          onChange={setDayOfMonth}
          options={DAYS.map((day) => ({ value: String(day), label: t("everyMonthDay", { day: String(day) }) }))}
        />
      </div>
    </RuleFormShell>
  );
}
