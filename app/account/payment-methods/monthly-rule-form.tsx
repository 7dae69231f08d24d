"use client";

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
} from "./rule-form-parts";

// Up to the 28th: every month has one.
const DAYS = Array.from({ length: 28 }, (_, index) => ({ value: String(index + 1), label: `매월 ${index + 1}일` }));

/** The monthly rule: a package charged on a day of every month, through PortOne's payment schedule. */
export function MonthlyRuleForm({ methods }: { methods: MethodChoice[] }) {
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
      ? monthlyAgreement({ kind: "monthly", pack, dayOfMonth: Number(dayOfMonth), method: method.label })
      : null;

  return (
    <RuleFormShell
      title="매월 정해진 날 자동 충전"
      action={action}
      pending={pending}
      state={state}
      agreement={agreement}
      submitLabel="매월 자동 충전 시작"
      pendingLabel="예약 중…"
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <MethodAndPackageFields choice={choice} />
        <SelectField label="결제일" name="dayOfMonth" value={dayOfMonth} onChange={setDayOfMonth} options={DAYS} />
      </div>
    </RuleFormShell>
  );
}
