import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { cursorText, decodeCursor, olderThan, pageOf } from "@/db/keyset";
import { pointEntries } from "@/db/schema";

const LEDGER_PAGE_SIZE = 10;

/** The user's ledger, newest first, keyset-paginated on (created_at, id). */
export async function listLedgerEntries(userId: string, cursor: string | undefined) {
  const rows = await db
    .select({
      id: pointEntries.id,
      kind: pointEntries.kind,
      reference: pointEntries.reference,
      paidDelta: pointEntries.paidDelta,
      bonusDelta: pointEntries.bonusDelta,
      paidBalanceAfter: pointEntries.paidBalanceAfter,
      bonusBalanceAfter: pointEntries.bonusBalanceAfter,
      createdAt: pointEntries.createdAt,
      cursorAt: cursorText(pointEntries.createdAt),
    })
    .from(pointEntries)
    .where(and(eq(pointEntries.userId, userId), olderThan(pointEntries.createdAt, pointEntries.id, decodeCursor(cursor))))
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(LEDGER_PAGE_SIZE + 1);
  return pageOf(rows, LEDGER_PAGE_SIZE);
}
