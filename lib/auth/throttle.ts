import "server-only";
import { and, count, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { signInAttempts } from "@/db/schema";

// Failed password attempts allowed in the window, per e-mail and per IP address. The IP limit
// is higher because many people can share one address (offices, mobile carriers).
const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

function windowStart(): Date {
  return new Date(Date.now() - WINDOW_MINUTES * 60_000);
}

async function recentFailures(column: typeof signInAttempts.email | typeof signInAttempts.ipAddress, value: string) {
  const [row] = await db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, windowStart())));
  return row?.failures ?? 0;
}

export async function isSignInThrottled(email: string, ipAddress: string | null): Promise<boolean> {
  // Without a client address (no proxy header) only the per-e-mail limit applies: counting every
  // such request under one shared key would let one attacker lock everybody out.
  const [byEmail, byIp] = await Promise.all([
    recentFailures(signInAttempts.email, email),
    ipAddress ? recentFailures(signInAttempts.ipAddress, ipAddress) : 0,
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordSignInAttempt(email: string, ipAddress: string | null, succeeded: boolean): Promise<void> {
  await db.insert(signInAttempts).values({ email, ipAddress: ipAddress ?? "unknown", succeeded });
}

export const THROTTLE_WINDOW_MINUTES = WINDOW_MINUTES;
