import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { LEDGER_INVARIANT_VIOLATIONS } from "@/db/ledger-invariant";

export interface LedgerViolation {
  userId: string;
  problem: string;
}

/** Users for whom balance = sum of entries = last balance_after (and ≥ 0) does not hold. */
export async function findLedgerViolations(): Promise<LedgerViolation[]> {
  const rows = await db.transaction(async (tx) => {
    // A scan of the whole ledger: allowed longer than the pool's 15 s per statement.
    await tx.execute(sql`set local statement_timeout = '10min'`);
    return tx.execute<{ user_id: string; problem: string }>(sql.raw(LEDGER_INVARIANT_VIOLATIONS));
  });
  return rows.map((row) => ({ userId: row.user_id, problem: row.problem }));
}
