"use server";

import { auth, signOut } from "@/lib/auth";
import { endAllSessions } from "@/lib/auth/session-version";

/** Ends every session of this user, on every device, then this browser's too. */
export async function signOutEverywhereAction(): Promise<void> {
  const userId = (await auth())?.user?.id;
  if (userId) await endAllSessions(userId);
  await signOut({ redirectTo: "/sign-in" });
}
