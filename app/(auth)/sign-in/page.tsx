import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { enabledOAuthProviders } from "@/lib/auth/oauth-providers";
import { env } from "@/lib/env";
import { DEMO_USER } from "@/db/demo-user";
import { AuthCard } from "../auth-card";
import { OAuthButtons } from "../oauth-buttons";
import { SessionExpiredNotice } from "./session-expired-notice";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reason?: string }>;
}) {
  const search = await searchParams;
  const callbackUrl = safeCallbackPath(search.callbackUrl);
  if ((await auth())?.user) redirect(callbackUrl);
  const t = await getTranslations("signIn");

  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={{
        text: t("noAccount"),
        linkLabel: t("signUp"),
        href: `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      }}
    >
      {search.reason === "expired" ? <SessionExpiredNotice callbackUrl={callbackUrl} /> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons
        providers={enabledOAuthProviders().map((id) => ({ id, label: t(`continueWith.${id}`) }))}
        callbackUrl={callbackUrl}
      />
      {env.NODE_ENV === "development" ? (
        <p className="mt-6 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {t.rich("demoAccount", {
            email: DEMO_USER.email,
            password: DEMO_USER.password,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : null}
    </AuthCard>
  );
}
