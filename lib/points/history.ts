import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { before, pageOf } from "@/db/keyset";
import { pointEntries } from "@/db/schema";

const LEDGER_PAGE_SIZE = 10;

/**
 * The user's ledger, newest first, in the order the entries were applied (so each running
 * balance follows the one below it), keyset-paginated on that order.
 */
export async function listLedgerEntries(userId: string, cursor: string | undefined) {
  const rows = await db
    .select({
      id: pointEntries.id,
      seq: pointEntries.seq,
      kind: pointEntries.kind,
      reference: pointEntries.reference,
      paidDelta: pointEntries.paidDelta,
      bonusDelta: pointEntries.bonusDelta,
      paidBalanceAfter: pointEntries.paidBalanceAfter,
      bonusBalanceAfter: pointEntries.bonusBalanceAfter,
      createdAt: pointEntries.createdAt,
    })
    .from(pointEntries)
    .where(and(eq(pointEntries.userId, userId), before(pointEntries.seq, cursor)))
    .orderBy(desc(pointEntries.seq))
    .limit(LEDGER_PAGE_SIZE + 1);
  return pageOf(rows, LEDGER_PAGE_SIZE, (row) => [row.seq]);
}
