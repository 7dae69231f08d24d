import "server-only";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { callbackPathOn } from "./callback-path";
import { auth } from "./index";

/** A path on this site (APP_URL's origin), or "/": never a URL that would redirect elsewhere. */
export function safeCallbackPath(value: unknown): string {
  return callbackPathOn(value, env.APP_URL);
}

/** The signed-in user's id, or a redirect to sign-in that brings them back to `returnTo`. */
export async function requireUserId(returnTo: string): Promise<string> {
  const session = await auth();
  if (!session?.user?.id) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo))}`);
  return session.user.id;
}
