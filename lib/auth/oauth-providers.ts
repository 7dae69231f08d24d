import type { Provider } from "next-auth/providers";
import Google from "next-auth/providers/google";
import Kakao from "next-auth/providers/kakao";
import Naver from "next-auth/providers/naver";
import { env } from "@/lib/env";

/** Kakao, Naver and Google sign-in, each switched on only when its client id and secret are set. */
export function oauthProviders(): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_KAKAO_ID && env.AUTH_KAKAO_SECRET) {
    providers.push(Kakao({ clientId: env.AUTH_KAKAO_ID, clientSecret: env.AUTH_KAKAO_SECRET }));
  }
  if (env.AUTH_NAVER_ID && env.AUTH_NAVER_SECRET) {
    providers.push(Naver({ clientId: env.AUTH_NAVER_ID, clientSecret: env.AUTH_NAVER_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return providers;
}

/** For the sign-in page's buttons; ids match the providers above. */
export function enabledOAuthProviders(): { id: string; label: string }[] {
  const labels: Record<string, string> = {
    kakao: "카카오로 계속하기",
    naver: "네이버로 계속하기",
    google: "Google로 계속하기",
  };
  return oauthProviders().map((provider) => {
    const id = typeof provider === "function" ? provider().id : provider.id;
    return { id, label: labels[id] ?? id };
  });
}
