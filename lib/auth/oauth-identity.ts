import { z } from "zod";

/*
 * Which e-mail addresses an OAuth provider vouches for, and what that allows. Pure functions, so
 * the rules are tested without a provider.
 */

// Kakao: the address is usable only when Kakao says it is both valid and verified.
const kakaoProfile = z.object({
  kakao_account: z.object({ email: z.string(), is_email_valid: z.literal(true), is_email_verified: z.literal(true) }),
});
// Google's ID token carries email_verified as a boolean.
const googleProfile = z.object({ email: z.string(), email_verified: z.literal(true) });

const emailOf: Record<string, (profile: unknown) => string | undefined> = {
  kakao: (profile) => kakaoProfile.safeParse(profile).data?.kakao_account.email,
  google: (profile) => googleProfile.safeParse(profile).data?.email,
  // Naver's profile says nothing about verification: its address is never trusted.
  naver: () => undefined,
};

/** The lower-cased address the provider verified, or null (also for providers we do not know). */
export function providerVerifiedEmail(provider: string, profile: unknown): string | null {
  const email = emailOf[provider]?.(profile)?.trim().toLowerCase();
  return email ? email : null;
}

export type OAuthAccountPlan = { attachTo: string } | { createWithEmail: string };

/**
 * Where a new OAuth identity goes. It joins an existing account by e-mail only when the provider
 * verified the address and that account got the address the same way (it has no password: a
 * password account's address was typed in at sign-up and never proven, so linking would hand the
 * account to whoever registered the address first). Otherwise it gets an account of its own, under
 * a private placeholder address when the real one is unverified or taken, so an unproven address
 * never blocks its owner from signing up.
 */
export function planOAuthAccount(input: {
  provider: string;
  providerAccountId: string;
  verifiedEmail: string | null;
  holder: { id: string; hasPassword: boolean } | undefined;
}): OAuthAccountPlan {
  const placeholder = `${input.provider}-${input.providerAccountId}@users.noreply.invalid`;
  if (!input.verifiedEmail) return { createWithEmail: placeholder };
  if (!input.holder) return { createWithEmail: input.verifiedEmail };
  return input.holder.hasPassword ? { createWithEmail: placeholder } : { attachTo: input.holder.id };
}
