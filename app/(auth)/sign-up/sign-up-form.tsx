"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConsentChecklist } from "@/app/_components/consent-checklist";
import { FormAlert, SubmitButton, TextField, refilled } from "@/app/_components/form-controls";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/credentials";
import type { ActionState } from "@/lib/http/action";
import { signUpAction } from "../actions";

/** The versions of the texts the sign-up boxes agree to, as the server holds them now. */
export interface SignUpVersions {
  terms: string;
  privacy: string;
}

export function SignUpForm({ callbackUrl, versions }: { callbackUrl: string; versions: SignUpVersions }) {
  const [state, formAction, pending] = useActionState<ActionState<typeof signUpAction>, FormData>(signUpAction, null);
  const t = useTranslations("signUp");
  const refused = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={refused?.error} />
      <TextField label={t("name")} {...refilled(refused, "name")} autoComplete="name" required maxLength={40} />
      <TextField label={t("email")} {...refilled(refused, "email")} type="email" autoComplete="email" required />
      <TextField
        label={t("password")}
        {...refilled(refused, "password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
      />
      <ConsentChecklist
        legend={t("consentLegend")}
        errors={[...(refused?.fieldErrors?.consentTerms ?? []), ...(refused?.fieldErrors?.consentPrivacy ?? [])]}
        items={[
          { name: "consentTerms", value: versions.terms, label: t("consentTerms"), required: true, href: "/terms" },
          {
            name: "consentPrivacy",
            value: versions.privacy,
            label: t("consentPrivacy"),
            required: true,
            href: "/privacy",
          },
          {
            name: "consentMarketing",
            value: versions.privacy,
            label: t("consentMarketing"),
            required: false,
          },
        ]}
      />
      <SubmitButton pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
