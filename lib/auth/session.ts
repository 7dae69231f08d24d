import "server-only";
import { redirect } from "next/navigation";
import { auth } from "./index";

/** A relative path on this site, or "/": never an absolute URL that would redirect elsewhere. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** The signed-in user's id, or a redirect to sign-in that brings them back to `returnTo`. */
export async function requireUserId(returnTo: string): Promise<string> {
  const session = await auth();
  if (!session?.user?.id) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo))}`);
  return session.user.id;
}
