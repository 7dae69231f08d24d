"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signUpSchema, type SignUpCheckText } from "@/lib/auth/credentials";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { THROTTLE_WINDOW_MINUTES } from "@/lib/auth/throttle";
import { createPasswordUser, EmailTakenError } from "@/lib/auth/users";
import { formAction, type Refusal } from "@/lib/http/action";
import { signUpConsentRows } from "@/lib/legal/consents";

const authErrors = () => getTranslations("authErrors");

/** signIn redirects by throwing; only its AuthErrors are ours to turn into messages. */
async function signInWithPassword(email: string, password: string, callbackUrl: string | undefined): Promise<Refusal> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { ok: false, error: (await authErrors())("throttled", { minutes: THROTTLE_WINDOW_MINUTES }) };
    }
    if (error instanceof AuthError) return { ok: false, error: (await authErrors())("wrongCredentials") };
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
    invalid: async () => (await authErrors())("missingCredentials"),
    refill: ["email"],
  },
);

// Each ticked box sends the version of the text it agrees to (app/(auth)/sign-up/sign-up-consents.tsx).
const consentVersion = (required: string) => z.string({ error: required }).min(1, { error: required }).max(40);

type AuthErrors = Awaited<ReturnType<typeof authErrors>>;

// Built per request: the fields' and consent boxes' messages are in the buyer's language.
const signUpForm = (t: AuthErrors, checks: SignUpCheckText) =>
  formAction(
    signUpSchema(checks).extend({
      callbackUrl,
      consentTerms: consentVersion(t("agreeTerms")),
      consentPrivacy: consentVersion(t("agreePrivacy")),
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
          error: t("termsChanged"),
        };
      try {
        await createPasswordUser(account, consents.rows);
      } catch (error) {
        if (!(error instanceof EmailTakenError)) throw error;
        return {
          ok: false,
          error: t("checkInput"),
          fieldErrors: { email: [t("emailTaken")] },
        };
      }
      return signInWithPassword(account.email, account.password, callbackUrl);
    },
    { invalid: t("checkInput"), refill: ["name", "email"] },
  );

export async function signUpAction(previous: unknown, form: FormData) {
  const [t, checks] = await Promise.all([authErrors(), getTranslations("signUpChecks")]);
  return signUpForm(t, checks)(previous, form);
}

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
