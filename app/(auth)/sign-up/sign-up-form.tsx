"use client";

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
  const refused = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={refused?.error} />
      <TextField label="이름" {...refilled(refused, "name")} autoComplete="name" required maxLength={40} />
      <TextField label="이메일" {...refilled(refused, "email")} type="email" autoComplete="email" required />
      <TextField
        label="비밀번호"
        {...refilled(refused, "password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`${PASSWORD_MIN_LENGTH}자 이상`}
      />
      <ConsentChecklist
        legend="약관 동의"
        errors={[...(refused?.fieldErrors?.consentTerms ?? []), ...(refused?.fieldErrors?.consentPrivacy ?? [])]}
        items={[
          { name: "consentTerms", value: versions.terms, label: "이용약관 동의", required: true, href: "/terms" },
          {
            name: "consentPrivacy",
            value: versions.privacy,
            label: "개인정보 수집·이용 동의",
            required: true,
            href: "/privacy",
          },
          {
            name: "consentMarketing",
            value: versions.privacy,
            label: "이벤트·혜택 안내 메일 받기",
            required: false,
          },
        ]}
      />
      <SubmitButton pending={pending} pendingLabel="가입 중…">
        가입하기
      </SubmitButton>
    </form>
  );
}
