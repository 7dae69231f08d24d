"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signUpSchema } from "@/lib/auth/credentials";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { THROTTLE_WINDOW_MINUTES } from "@/lib/auth/throttle";
import { createPasswordUser, EmailTakenError } from "@/lib/auth/users";

export type AuthFormState = {
  error?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  values?: { name?: string; email?: string };
};

function text(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/** signIn redirects by throwing; only its AuthErrors are ours to turn into messages. */
async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<string | undefined> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return `로그인 시도가 너무 많습니다. ${THROTTLE_WINDOW_MINUTES}분 후에 다시 시도해 주세요.`;
    }
    if (error instanceof AuthError) return "이메일 또는 비밀번호가 올바르지 않습니다.";
    throw error;
  }
}

// A server action is an HTTP endpoint: its arguments are whatever the request encoded.
const NOT_A_FORM: AuthFormState = { error: "입력한 내용을 확인해 주세요." };

export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const email = text(formData, "email");
  const password = text(formData, "password");
  if (!email.trim() || !password) {
    return { error: "이메일과 비밀번호를 입력해 주세요.", values: { email } };
  }
  const error = await signInWithPassword(email, password, text(formData, "callbackUrl"));
  return { error, values: { email } };
}

export async function signUpAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const values = { name: text(formData, "name"), email: text(formData, "email") };
  const parsed = signUpSchema.safeParse({ ...values, password: text(formData, "password") });
  if (!parsed.success) {
    const fieldErrors: AuthFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof NonNullable<AuthFormState["fieldErrors"]>;
      fieldErrors[field] ??= issue.message;
    }
    return { error: "입력한 내용을 확인해 주세요.", fieldErrors, values };
  }
  try {
    await createPasswordUser(parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { fieldErrors: { email: "이미 가입된 이메일입니다. 로그인해 주세요." }, values };
    }
    throw error;
  }
  const error = await signInWithPassword(parsed.data.email, parsed.data.password, text(formData, "callbackUrl"));
  return { error, values };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

const OAUTH_PROVIDER_IDS = new Set(["kakao", "naver", "google"]);

export async function signInWithProviderAction(formData: FormData): Promise<void> {
  // Only our buttons send this form; anything else is a forged request and gets nothing.
  if (!(formData instanceof FormData)) return;
  const provider = text(formData, "provider");
  if (!OAUTH_PROVIDER_IDS.has(provider)) return;
  await signIn(provider, { redirectTo: safeCallbackPath(text(formData, "callbackUrl")) });
}
