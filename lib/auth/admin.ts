import "server-only";
import { eq } from "drizzle-orm";
import { forbidden } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { users } from "@/db/schema";
import { auth } from "./index";
import { requireUserId } from "./session";

/**
 * Whether the user is an admin: the `is_admin` flag, which only an operator sets (`npm run admin`).
 * Read from the database on every request, so a revoke takes effect at once, whatever the session
 * cookie says (once per page render: the header and the page share the answer). A pure read:
 * rendering a page never grants anything.
 */
export const isAdmin = cache(async (userId: string): Promise<boolean> => {
  const user = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { isAdmin: true } });
  return user?.isAdmin ?? false;
});

/** For admin pages: sign-in first, then 403 for anyone without the admin flag. */
export async function requireAdminPage(returnTo: string): Promise<string> {
  const userId = await requireUserId(returnTo);
  if (!(await isAdmin(userId))) forbidden();
  return userId;
}

/** For admin server actions: the admin's id, or null (the action then refuses). */
export async function adminIdOrNull(): Promise<string | null> {
  const userId = (await auth())?.user?.id;
  return userId && (await isAdmin(userId)) ? userId : null;
}
