import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { callbackPathOn } from "./callback-path";
import { auth } from "./index";

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
  const session = await auth();
  if (!session?.user?.id) {
    const hadSession = (await cookies()).getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
    const callback = encodeURIComponent(safeCallbackPath(returnTo));
    redirect(`/sign-in?callbackUrl=${callback}${hadSession ? "&reason=expired" : ""}`);
  }
  return session.user.id;
}
