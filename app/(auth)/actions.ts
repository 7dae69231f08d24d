"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signUpSchema } from "@/lib/auth/credentials";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { THROTTLE_WINDOW_MINUTES } from "@/lib/auth/throttle";
import { createPasswordUser, EmailTakenError } from "@/lib/auth/users";
import { formAction, type Refusal } from "@/lib/http/action";
import { signUpConsentRows } from "@/lib/legal/consents";

/** signIn redirects by throwing; only its AuthErrors are ours to turn into messages. */
async function signInWithPassword(email: string, password: string, callbackUrl: string | undefined): Promise<Refusal> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { ok: false, error: `로그인 시도가 너무 많습니다. ${THROTTLE_WINDOW_MINUTES}분 후에 다시 시도해 주세요.` };
    }
    if (error instanceof AuthError) return { ok: false, error: "이메일 또는 비밀번호가 올바르지 않습니다." };
    throw error;
  }
  throw new Error("signIn returned instead of redirecting");
}

const callbackUrl = z.string().optional();

// The credentials provider checks the address itself; here only that something was typed.
const signInFormSchema = z.object({ email: z.string().trim().min(1), password: z.string().min(1), callbackUrl });

export const signInAction = formAction(
  signInFormSchema,
  (input) => signInWithPassword(input.email, input.password, input.callbackUrl),
  {
    invalid: "이메일과 비밀번호를 입력해 주세요.",
    refill: ["email"],
  },
);

// Each ticked box sends the version of the text it agrees to (app/(auth)/sign-up/sign-up-consents.tsx).
const consentVersion = (required: string) => z.string({ error: required }).min(1, { error: required }).max(40);

export const signUpAction = formAction(
  signUpSchema.extend({
    callbackUrl,
    consentTerms: consentVersion("이용약관에 동의해 주세요."),
    consentPrivacy: consentVersion("개인정보 수집·이용에 동의해 주세요."),
    consentMarketing: z.string().max(40).optional(),
  }),
  async ({ callbackUrl, consentTerms, consentPrivacy, consentMarketing, ...account }) => {
    const consents = await signUpConsentRows({
      terms: consentTerms,
      privacy: consentPrivacy,
      marketing: consentMarketing,
    });
    if (!consents.ok)
      return {
        ok: false,
        error: "약관이 새로 바뀌었습니다. 페이지를 새로 고쳐 바뀐 내용을 확인하고 다시 동의해 주세요.",
      };
    try {
      await createPasswordUser(account, consents.rows);
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
      return {
        ok: false,
        error: "입력한 내용을 확인해 주세요.",
        fieldErrors: { email: ["이미 가입된 이메일입니다. 로그인해 주세요."] },
      };
    }
    return signInWithPassword(account.email, account.password, callbackUrl);
  },
  { invalid: "입력한 내용을 확인해 주세요.", refill: ["name", "email"] },
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

const OAUTH_PROVIDER_IDS = new Set(["kakao", "naver", "google"]);

export async function signInWithProviderAction(formData: FormData): Promise<void> {
  // Only our buttons send this form; anything else is a forged request and gets nothing.
  if (!(formData instanceof FormData)) return;
  const provider = formData.get("provider");
  if (typeof provider !== "string" || !OAUTH_PROVIDER_IDS.has(provider)) return;
  const callback = formData.get("callbackUrl");
  await signIn(provider, { redirectTo: safeCallbackPath(typeof callback === "string" ? callback : "") });
}
