import "server-only";
import { and, desc, eq, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { before, pageOf } from "@/db/keyset";
import { payments, pointEntries, pointLots, refunds, type PointKind } from "@/db/schema";

const LEDGER_PAGE_SIZE = 10;

// The refund an entry belongs to: a refund's id (its reversal is "<id>:reversal"), or, for a
// cancellation made outside the app, PortOne's cancellation id recorded beside the refunds.
const refundOfEntry = or(
  and(eq(pointEntries.kind, "refund"), sql`${refunds.id}::text = split_part(${pointEntries.reference}, ':', 1)`),
  and(eq(pointEntries.kind, "external_cancel"), eq(refunds.cancellationId, pointEntries.reference)),
);
// A charge's reference is its paymentId.
const paymentOfEntry = sql`${payments.id} = case when ${pointEntries.kind} = 'charge' then ${pointEntries.reference} else ${refunds.paymentId} end`;

const lotExpiry = (kind: PointKind) =>
  sql<Date | null>`(select min(${pointLots.expiresAt}) from ${pointLots} where ${pointLots.entryId} = ${pointEntries.id} and ${pointLots.pointKind} = ${kind})`.mapWith(
    (value: string | Date | null) => (value === null ? null : new Date(value)),
  );

/**
 * The user's ledger, newest first, in the order the entries were applied (so each running
 * balance follows the one below it), keyset-paginated on that order. Each entry comes with what
 * it was for: the payment it charged or refunded, or the item or order a spend paid for (memo).
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
      memo: pointEntries.memo,
      paymentId: payments.id,
      orderName: payments.orderName,
      // A credit's points stay usable until its lots expire (null: never, or not a credit).
      paidExpiresAt: lotExpiry("paid"),
      bonusExpiresAt: lotExpiry("bonus"),
      createdAt: pointEntries.createdAt,
    })
    .from(pointEntries)
    .leftJoin(refunds, refundOfEntry)
    .leftJoin(payments, and(paymentOfEntry, eq(payments.userId, userId)))
    .where(and(eq(pointEntries.userId, userId), before(pointEntries.seq, cursor)))
    .orderBy(desc(pointEntries.seq))
    .limit(LEDGER_PAGE_SIZE + 1);
  return pageOf(rows, LEDGER_PAGE_SIZE, (row) => [row.seq]);
}

export type LedgerEntryRow = Awaited<ReturnType<typeof listLedgerEntries>>["items"][number];
