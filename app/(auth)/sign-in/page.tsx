import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { enabledOAuthProviders } from "@/lib/auth/oauth-providers";
import { env } from "@/lib/env";
import { DEMO_USER } from "@/db/demo-user";
import { AuthCard } from "../auth-card";
import { OAuthButtons } from "../oauth-buttons";
import { SessionExpiredNotice } from "./session-expired-notice";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "로그인" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reason?: string }>;
}) {
  const search = await searchParams;
  const callbackUrl = safeCallbackPath(search.callbackUrl);
  if ((await auth())?.user) redirect(callbackUrl);

  return (
    <AuthCard
      title="로그인"
      subtitle="포인트를 충전하고 사용하려면 로그인하세요."
      footer={{
        text: "아직 계정이 없나요?",
        linkLabel: "회원가입",
        href: `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      }}
    >
      {search.reason === "expired" ? <SessionExpiredNotice callbackUrl={callbackUrl} /> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
      {env.NODE_ENV === "development" ? (
        <p className="mt-6 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
          개발용 데모 계정: <strong>{DEMO_USER.email}</strong> / <strong>{DEMO_USER.password}</strong>
        </p>
      ) : null}
    </AuthCard>
  );
}
