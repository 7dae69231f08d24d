"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<ActionState<typeof signInAction>, FormData>(signInAction, null);
  const refused = state?.ok === false ? state : undefined;
  const t = useTranslations("signIn");
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={refused?.error} />
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={refused?.values?.email}
      />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <SubmitButton pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
