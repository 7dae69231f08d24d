import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { maintenanceJobs } from "@/db/schema";
import { LEDGER_INVARIANT_AFTER_SCOPE, LEDGER_INVARIANT_VIOLATIONS } from "@/db/ledger-invariant";

export interface LedgerViolation {
  userId: string;
  problem: string;
}

export interface LedgerCheck {
  /** "full": every user; "touched": the users with ledger entries written since `since`. */
  scope: "full" | "touched";
  since: string | null;
  violations: LedgerViolation[];
}

// An entry's created_at is when it was written, before its transaction committed: the next
// incremental check starts this long before the last one did, longer than any transaction the
// database's timeouts let live (db/timeouts.ts), so an entry that committed late is still seen.
const COMMIT_GRACE = "10 minutes";

/** Users for whom balance = sum of entries = last balance_after (and ≥ 0) does not hold; all, or those touched since `since`. */
export async function findLedgerViolations(since?: Date): Promise<LedgerViolation[]> {
  const rows = await db.transaction(async (tx) => {
    // A scan of the whole ledger: allowed longer than the pool's 15 s per statement.
    await tx.execute(sql`set local statement_timeout = '10min'`);
    return tx.execute<{ user_id: string; problem: string }>(
      since
        ? sql`with scope as (select distinct user_id from point_entries where created_at >= ${since.toISOString()}::timestamptz)${sql.raw(LEDGER_INVARIANT_AFTER_SCOPE)}`
        : sql.raw(LEDGER_INVARIANT_VIOLATIONS),
    );
  });
  return rows.map((row) => ({ userId: row.user_id, problem: row.problem }));
}

/**
 * The invariant check of a recurring job: the users touched since the job's last clean check, or
 * everyone when `full` is asked or no check ran yet. Only a clean check moves the mark, so a
 * violation is reported again by every run until it is repaired.
 */
export async function checkLedgerSinceLastRun(job: string, { full = false } = {}): Promise<LedgerCheck> {
  const [mark] = await db
    .select({ from: maintenanceJobs.ledgerUncheckedFrom, now: sql<string>`clock_timestamp()` })
    .from(maintenanceJobs)
    .where(eq(maintenanceJobs.name, job));
  const since = full ? null : (mark?.from ?? null);
  const violations = await findLedgerViolations(since ?? undefined);
  if (violations.length === 0 && mark) {
    await db
      .update(maintenanceJobs)
      .set({ ledgerUncheckedFrom: sql`${mark.now}::timestamptz - ${COMMIT_GRACE}::interval` })
      .where(eq(maintenanceJobs.name, job));
  }
  return { scope: since ? "touched" : "full", since: since?.toISOString() ?? null, violations };
}
