import "server-only";
import { cookies, headers } from "next/headers";
import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getToken } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { payments, users } from "@/db/schema";
import { env } from "@/lib/env";
import { callbackPathOn } from "./callback-path";
import { currentSession, SECURE_SESSION_COOKIE } from "./index";
import { currentSessionVersionAnd, isCurrentSession } from "./session-version";

export interface SessionUser {
  id: string;
  name: string | null;
  email: string | null;
}

interface SessionClaims {
  sub: string;
  sessionVersion?: number;
  name: string | null;
  email: string | null;
}

// Decrypting the cookie is most of what reading a session costs, and a session's cookie comes
// back unchanged on every request until a page renews it: its claims are kept by the token's
// value until the token expires. The version is still read on every request, so signing out
// everywhere ends the session at once.
const decodedSessions = new LRUCache<string, SessionClaims>({ max: 5_000 });

async function sessionClaims(cookie: string): Promise<SessionClaims | null> {
  // Only the cookie: next-auth's reader would also take the token as a Bearer header.
  const read = { req: { headers: { cookie } }, secret: env.AUTH_SECRET, secureCookie: SECURE_SESSION_COOKIE };
  const raw = await getToken({ ...read, raw: true });
  if (!raw) return null;
  const known = decodedSessions.get(raw);
  if (known) return known;
  const token = await getToken(read);
  if (!token?.sub || typeof token.exp !== "number") return null;
  const claims = {
    sub: token.sub,
    sessionVersion: token.sessionVersion,
    name: token.name ?? null,
    email: token.email ?? null,
  };
  decodedSessions.set(raw, claims, { ttl: Math.max(1, token.exp * 1000 - Date.now()) });
  return claims;
}

/**
 * The signed-in user, for route handlers and server actions: the session cookie decrypted and
 * its version checked, which is what `auth()` accepts, without what `auth()` adds for pages (a
 * call into next-auth's session endpoint and a newly encrypted cookie that extends the session,
 * which a route's answer does not carry anyway). Together with the cache above, that is about a
 * fifth of a completion's work (`npm run bench`). Pages keep calling `auth()`, so a visit still
 * extends the session.
 */
export async function signedInUser(): Promise<SessionUser | null> {
  const cookie = (await headers()).get("cookie");
  const claims = cookie ? await sessionClaims(cookie) : null;
  if (!claims || !(await isCurrentSession(claims.sub, claims.sessionVersion))) return null;
  return { id: claims.sub, name: claims.name, email: claims.email };
}

/**
 * signedInUser() that also answers whether `paymentId` is the user's, in the session check's own
 * query: the completion route's two questions before it asks PortOne, for one round trip. Null
 * when nobody is signed in (as signedInUser).
 */
export async function signedInUserOwning(
  paymentId: string,
): Promise<{ user: SessionUser; ownsPayment: boolean } | null> {
  const cookie = (await headers()).get("cookie");
  const claims = cookie ? await sessionClaims(cookie) : null;
  if (!claims) return null;
  const owns = sql<boolean>`exists (select 1 from ${payments} where ${payments.id} = ${paymentId} and ${payments.userId} = ${users.id})`;
  const current = await currentSessionVersionAnd(claims.sub, owns);
  if (!current || current.version !== claims.sessionVersion) return null;
  return { user: { id: claims.sub, name: claims.name, email: claims.email }, ownsPayment: current.alsoTrue };
}

/** A path on this site (APP_URL's origin), or "/": never a URL that would redirect elsewhere. */
export function safeCallbackPath(value: unknown): string {
  return callbackPathOn(value, env.APP_URL);
}

// next-auth's session cookie, __Secure- prefixed on https and split into .0, .1… when large.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * The signed-in user's id, or a redirect to sign-in that brings them back to `returnTo`. A
 * session cookie that no longer holds a session (expired, or ended by signing out elsewhere)
 * adds `reason=expired`, so the sign-in page can say why the visitor is there.
 */
export async function requireUserId(returnTo: string): Promise<string> {
  const session = await currentSession();
  if (!session?.user?.id) {
    const hadSession = (await cookies()).getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
    const callback = encodeURIComponent(safeCallbackPath(returnTo));
    redirect(`/sign-in?callbackUrl=${callback}${hadSession ? "&reason=expired" : ""}`);
  }
  return session.user.id;
}
