import "server-only";
import { and, count, eq, gt, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { signInAttempts } from "@/db/schema";

/*
 * Failed password attempts allowed in the window. Counted per (e-mail, address) pair, so one
 * address guessing at an account is stopped while its owner, elsewhere, still signs in; per
 * address, so one address cannot spray many accounts; and per e-mail across every address, a
 * looser cap against guessing spread over many addresses. The address limits are higher than
 * the pair's because many people can share one address (offices, mobile carriers).
 */
const WINDOW_MINUTES = 15;
export const SIGN_IN_LIMITS = { perEmailAndAddress: 5, perAddress: 30, perEmail: 100 } as const;

// Attempts whose client address is unknown are counted together under this key.
const UNKNOWN_ADDRESS = "unknown";

function windowStart(): Date {
  return new Date(Date.now() - WINDOW_MINUTES * 60_000);
}

async function recentFailures(match: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(and(match, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, windowStart())));
  return row?.failures ?? 0;
}

export async function isSignInThrottled(email: string, ipAddress: string | null): Promise<boolean> {
  const address = ipAddress ?? UNKNOWN_ADDRESS;
  const [byPair, byAddress, byEmail] = await Promise.all([
    recentFailures(and(eq(signInAttempts.email, email), eq(signInAttempts.ipAddress, address))),
    recentFailures(eq(signInAttempts.ipAddress, address)),
    recentFailures(eq(signInAttempts.email, email)),
  ]);
  return (
    byPair >= SIGN_IN_LIMITS.perEmailAndAddress ||
    byAddress >= SIGN_IN_LIMITS.perAddress ||
    byEmail >= SIGN_IN_LIMITS.perEmail
  );
}

export async function recordSignInAttempt(email: string, ipAddress: string | null, succeeded: boolean): Promise<void> {
  await db.insert(signInAttempts).values({ email, ipAddress: ipAddress ?? UNKNOWN_ADDRESS, succeeded });
}

export const THROTTLE_WINDOW_MINUTES = WINDOW_MINUTES;
