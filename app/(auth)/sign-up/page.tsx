import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/session";
import { loadLegalDocument } from "@/lib/legal/documents";
import { AuthCard } from "../auth-card";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp"))("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if ((await auth())?.user) redirect(callbackUrl);
  const [terms, privacy, t] = await Promise.all([
    loadLegalDocument("terms"),
    loadLegalDocument("privacy"),
    getTranslations("signUp"),
  ]);

  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={{
        text: t("haveAccount"),
        linkLabel: t("signIn"),
        href: `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      }}
    >
      <SignUpForm callbackUrl={callbackUrl} versions={{ terms: terms.version, privacy: privacy.version }} />
    </AuthCard>
  );
}
