import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { cache } from "react";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { callbackPathOn } from "./callback-path";
import { clientAddress } from "./client-address";
import { signInSchema } from "./credentials";
import { providerVerifiedEmail } from "./oauth-identity";
import { oauthProviders } from "./oauth-providers";
import { spendVerifyTime, verifyPassword } from "./password";
import { currentSessionVersion, endAllSessions, isCurrentSession } from "./session-version";
import { isSignInThrottled, recordSignInAttempt } from "./throttle";
import { findUserByEmail, upsertOAuthUser } from "./users";
import { log } from "@/lib/observability/log";

/** Too many failed attempts for this e-mail or address; the sign-in form says so. */
class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

/** The client's address: forwarded headers count only as far as TRUSTED_PROXY_HOPS proxies wrote them. */
function clientIp(request: Request): string | null {
  return clientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
}

// Secure (and __Secure-prefixed) cookies whenever the public origin is https, whatever protocol
// the request reached this process by (a proxy in front often speaks plain http to it).
export const SECURE_SESSION_COOKIE = new URL(env.APP_URL).protocol === "https:";

const config: NextAuthConfig = {
  secret: env.AUTH_SECRET,
  // The app runs behind `next start` or a proxy; the host header is the origin it serves.
  trustHost: true,
  session: { strategy: "jwt" },
  useSecureCookies: SECURE_SESSION_COOKIE,
  pages: { signIn: "/sign-in" },
  // A wrong password is an answer, not a server error: keep it out of the error log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error({ err: error }, "sign-in error");
    },
  },
  providers: [
    Credentials({
      // No labels: they would show only on next-auth's own sign-in page, which /sign-in replaces
      // (pages.signIn) in the buyer's language.
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request);
        if (await isSignInThrottled(email, ip)) throw new SignInThrottled();

        const user = await findUserByEmail(email);
        const valid = user?.passwordHash
          ? await verifyPassword(password, user.passwordHash)
          : (await spendVerifyTime(password), false);
        await recordSignInAttempt(email, ip, valid);
        if (!user || !valid) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // next-auth's default accepts any value starting with "/" (even "/\t/evil.example") and
    // throws on a malformed callback-url cookie; ours keeps every redirect on this origin.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${callbackPathOn(url, baseUrl)}`;
    },
    async jwt({ token, user, account, profile }) {
      if (account && account.type !== "credentials") {
        token.sub = await upsertOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          verifiedEmail: providerVerifiedEmail(account.provider, profile),
          name: user?.name ?? null,
        });
      } else if (user?.id) {
        token.sub = user.id;
      }
      if (!token.sub) return null;
      // Signing in stamps the session with the user's version; every later read checks it is current.
      if (user) {
        token.sessionVersion = (await currentSessionVersion(token.sub)) ?? undefined;
        return token;
      }
      return (await isCurrentSession(token.sub, token.sessionVersion)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    // Signing out ends the user's sessions everywhere, not only this browser's cookie.
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (userId) await endAllSessions(userId);
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);

/**
 * auth() for pages: the layout's header and the page both ask, and within one render the answer
 * is the same, so the cookie is decrypted and its version read once per request, not once each.
 */
export const currentSession = cache(() => auth());
