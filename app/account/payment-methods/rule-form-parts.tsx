"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { SubmitButton } from "@/app/_components/form-controls";
import { AUTO_CHARGE_TERMS_VERSION, type TermsLanguage } from "@/lib/billing/rule-text";
import { useFormatters } from "@/lib/i18n/client";
import { findPackage, POINTS_PACKAGES } from "@/lib/payments/catalog/packages";

export const SELECT =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-500";

export function SelectField({
  label,
  name,
  value,
  onChange,
  options,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="block space-y-1.5 text-sm font-medium text-slate-800">
      <span>{label}</span>
      <select name={name} value={value} onChange={(event) => onChange(event.target.value)} className={SELECT}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function usePackageOptions() {
  const t = useTranslations("paymentMethods.form");
  const format = useFormatters();
  return POINTS_PACKAGES.map((pack) => ({
    value: pack.id,
    label: t("packageOption", {
      price: format.won(pack.price),
      points: format.points(pack.paidPoints + pack.bonusPoints),
    }),
  }));
}

/** The agreement's sentences and amounts in the buyer's language, as the server rebuilds them. */
export function useTermsLanguage(): TermsLanguage {
  return { t: useTranslations("autoChargeTerms"), format: useFormatters() };
}

/**
 * The agreement as it will be recorded, and the box that gives it; its version and language
 * travel with the form, and the server rebuilds the text from them.
 */
export function AgreementBox({ agreement }: { agreement: string | null }) {
  const t = useTranslations("paymentMethods.form");
  return (
    <>
      <input type="hidden" name="agreedVersion" value={AUTO_CHARGE_TERMS_VERSION} />
      <input type="hidden" name="agreedLocale" value={useLocale()} />
      {agreement ? (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-800">
          <p className="font-semibold">{t("agreementHeading")}</p>
          <p data-testid="auto-charge-agreement" className="whitespace-pre-line">
            {agreement}
          </p>
          <label className="flex items-start gap-2 font-medium">
            <input type="checkbox" name="agreed" required className="mt-0.5 size-4" />
            <span>{t("agree")}</span>
          </label>
        </div>
      ) : null}
    </>
  );
}

/** What a rule form's action answered: its confirmation, or the refusal. */
export function RuleFormAnswer({
  state,
}: {
  state: { ok: true; data: { message: string } } | { ok: false; error: string } | null;
}) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-emerald-700">
      {state.data.message}
    </p>
  ) : (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
      {state.error}
    </div>
  );
}

type RuleState = Parameters<typeof RuleFormAnswer>[0]["state"];

/** A rule's form: its heading, the fields given, the agreement, the answer and the submit button. */
export function RuleFormShell({
  title,
  action,
  pending,
  state,
  agreement,
  submitLabel,
  pendingLabel,
  children,
}: {
  title: string;
  action: (form: FormData) => void;
  pending: boolean;
  state: RuleState;
  agreement: string | null;
  submitLabel: string;
  pendingLabel: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <form action={action} className="space-y-4" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="font-bold">
        {title}
      </h3>
      {children}
      <AgreementBox agreement={agreement} />
      <RuleFormAnswer state={state} />
      <SubmitButton pending={pending} pendingLabel={pendingLabel} variant="compact">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

export type MethodChoice = { id: string; label: string };

/** The payment method to charge and the package to buy, which every rule asks for (kept after a refusal). */
export function useMethodAndPackage(
  methods: MethodChoice[],
  refill: { paymentMethodId?: string; packageId?: string } | undefined,
) {
  const [methodId, setMethodId] = useState(refill?.paymentMethodId ?? methods[0]?.id ?? "");
  const [packageId, setPackageId] = useState(refill?.packageId ?? "points-10000");
  return {
    methods,
    methodId,
    setMethodId,
    packageId,
    setPackageId,
    pack: findPackage(packageId),
    method: methods.find((candidate) => candidate.id === methodId),
  };
}

export function MethodAndPackageFields({ choice }: { choice: ReturnType<typeof useMethodAndPackage> }) {
  const t = useTranslations("paymentMethods.form");
  const packageOptions = usePackageOptions();
  return (
    <>
      <SelectField
        label={t("method")}
        name="paymentMethodId"
        value={choice.methodId}
        onChange={choice.setMethodId}
        options={choice.methods.map((option) => ({ value: option.id, label: option.label }))}
      />
      <SelectField
        label={t("package")}
        name="packageId"
        value={choice.packageId}
        onChange={choice.setPackageId}
        options={packageOptions}
      />
    </>
  );
}
