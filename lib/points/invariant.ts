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
  /** "full": every user; "touched": the users with ledger entries written since `since`, and the last check's violators. */
  scope: "full" | "touched";
  since: string | null;
  violations: LedgerViolation[];
}

// An entry's created_at is when it was written, before its transaction committed: the next
// incremental check starts this long before the last one did, longer than any transaction the
// database's timeouts let live (db/timeouts.ts), so an entry that committed late is still seen.
const COMMIT_GRACE = "10 minutes";

/**
 * Users for whom balance = sum of entries = last balance_after (and ≥ 0) does not hold: all of
 * them, or those with entries written since `since` and those named in `alsoUsers`.
 */
export async function findLedgerViolations(scope?: { since: Date; alsoUsers: string[] }): Promise<LedgerViolation[]> {
  const rows = await db.transaction(async (tx) => {
    // A scan of the whole ledger: allowed longer than the pool's 15 s per statement.
    await tx.execute(sql`set local statement_timeout = '10min'`);
    return tx.execute<{ user_id: string; problem: string }>(
      scope
        ? sql`with scope as (
            select user_id from point_entries where created_at >= ${scope.since.toISOString()}::timestamptz
            union select value::uuid from jsonb_array_elements_text(${JSON.stringify(scope.alsoUsers)}::jsonb)
          )${sql.raw(LEDGER_INVARIANT_AFTER_SCOPE)}`
        : sql.raw(LEDGER_INVARIANT_VIOLATIONS),
    );
  });
  return rows.map((row) => ({ userId: row.user_id, problem: row.problem }));
}

// At most this many users in violation are remembered for the next run (a full check finds the rest).
const REMEMBERED_VIOLATORS = 1_000;

/**
 * The invariant check of a recurring job: the users touched since the job's last check and those
 * it found in violation, or everyone when `full` is asked or no check ran yet. Violators are
 * remembered, so every run reports them again until they are repaired.
 */
export async function checkLedgerSinceLastRun(job: string, { full = false } = {}): Promise<LedgerCheck> {
  const [mark] = await db
    .select({
      from: maintenanceJobs.ledgerUncheckedFrom,
      violators: maintenanceJobs.ledgerViolators,
      now: sql<string>`clock_timestamp()`,
    })
    .from(maintenanceJobs)
    .where(eq(maintenanceJobs.name, job));
  const since = full ? null : (mark?.from ?? null);
  const violations = await findLedgerViolations(since ? { since, alsoUsers: mark?.violators ?? [] } : undefined);
  if (mark) {
    await db
      .update(maintenanceJobs)
      .set({
        ledgerUncheckedFrom: sql`${mark.now}::timestamptz - ${COMMIT_GRACE}::interval`,
        ledgerViolators: [...new Set(violations.map((violation) => violation.userId))].slice(0, REMEMBERED_VIOLATORS),
      })
      .where(eq(maintenanceJobs.name, job));
  }
  return { scope: since ? "touched" : "full", since: since?.toISOString() ?? null, violations };
}
