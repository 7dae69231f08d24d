"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/http/action";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<ActionState<typeof signInAction>, FormData>(signInAction, null);
  const refused = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={refused?.error} />
      <TextField
        label="이메일"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={refused?.values?.email}
      />
      <TextField label="비밀번호" name="password" type="password" autoComplete="current-password" required />
      <SubmitButton pending={pending} pendingLabel="로그인 중…">
        로그인
      </SubmitButton>
    </form>
  );
}
