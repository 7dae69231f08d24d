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

export const OAUTH_PROVIDER_IDS = ["kakao", "naver", "google"] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDER_IDS)[number];

const isOAuthProviderId = (id: string): id is OAuthProviderId => (OAUTH_PROVIDER_IDS as readonly string[]).includes(id);

/** For the sign-in page's buttons, which name them in the buyer's language; ids match the providers above. */
export function enabledOAuthProviders(): OAuthProviderId[] {
  return oauthProviders()
    .map((provider) => (typeof provider === "function" ? provider().id : provider.id))
    .filter(isOAuthProviderId);
}
