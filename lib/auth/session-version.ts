import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";

/**
 * Sessions are JWTs, so nothing is stored per session: each carries the user's session version
 * from when it was issued, and raising the version ends every session issued before, on every
 * device and every app instance. Checking costs one primary-key lookup per session read.
 */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.version ?? null;
}

/**
 * The session version with a check of the caller's about the same user, in the one primary-key
 * lookup: `alsoTrue` is a boolean condition on the user's row (e.g. that a payment is theirs).
 */
export async function currentSessionVersionAnd(
  userId: string,
  alsoTrue: SQL<boolean>,
): Promise<{ version: number; alsoTrue: boolean } | null> {
  const [row] = await db
    .select({ version: users.sessionVersion, alsoTrue: sql<boolean>`${alsoTrue}` })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Whether a session issued at `version` still holds (no sign-out everywhere since). */
export async function isCurrentSession(userId: string, version: number | undefined): Promise<boolean> {
  const current = await currentSessionVersion(userId);
  return current !== null && current === version;
}

export async function endAllSessions(userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
