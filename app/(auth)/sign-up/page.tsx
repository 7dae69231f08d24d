import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { loadLegalDocument } from "@/lib/legal/documents";
import { AuthCard } from "../auth-card";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "회원가입" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if ((await auth())?.user) redirect(callbackUrl);
  const [terms, privacy] = await Promise.all([loadLegalDocument("terms"), loadLegalDocument("privacy")]);

  return (
    <AuthCard
      title="회원가입"
      subtitle="이메일로 가입하고 바로 포인트를 충전하세요."
      footer={{
        text: "이미 계정이 있나요?",
        linkLabel: "로그인",
        href: `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      }}
    >
      <SignUpForm callbackUrl={callbackUrl} versions={{ terms: terms.version, privacy: privacy.version }} />
    </AuthCard>
  );
}
