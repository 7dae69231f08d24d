"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField, refilled } from "@/app/_components/form-controls";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/credentials";
import type { ActionState } from "@/lib/http/action";
import { signUpAction } from "../actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
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
      <SubmitButton pending={pending} pendingLabel="가입 중…">
        가입하기
      </SubmitButton>
    </form>
  );
}
