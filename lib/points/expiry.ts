import "server-only";
import { and, asc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { pointEntries, pointLotDraws, pointLots, users, type PointKind } from "@/db/schema";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";
import { appendLedgerEntry, lockBalance } from "./ledger";

/** Paid points that expired unspent: money the buyer paid, owed back to them (README "Points validity"). */
export interface ExpiredPaid {
  userId: string;
  email: string;
  amount: number;
  /** The charge the points came from, when they came from one. */
  paymentId: string | null;
  expiredAt: string;
}

export interface ExpirySummary {
  /** Lots due this run (at most `limit`) and what was expired: one `expire` entry per lot. */
  dueLots: number;
  expired: { paidLots: number; paidPoints: number; bonusLots: number; bonusPoints: number };
  expiredPaid: ExpiredPaid[];
}

const EXPIRY_BATCH = 500;

// The ledger's memo is its record, kept in the shop's language whoever's points expired; screens
// name an expiry by its kind in the reader's language (app/history/entry-text.ts).
const MEMOS = messagesOf(DEFAULT_LOCALE).ledgerMemos;

// What is left of a lot: its amount less its draws.
const remainingOf = sql<number>`(${pointLots.amount} - coalesce((select sum(${pointLotDraws.amount}) from ${pointLotDraws} where ${pointLotDraws.lotId} = ${pointLots.id}), 0))::int`;

/**
 * Expires every lot whose expiry has passed with points left: one `expire` entry per lot, its
 * reference the lot's id, so UNIQUE(kind, reference) makes a second expiry of a lot impossible.
 * Runs may overlap: what is left is read again with the balance row locked, so a run that waited
 * for another finds nothing left and writes nothing. Each lot in its own short transaction.
 */
export async function expireDuePoints(now: Date = new Date(), limit = EXPIRY_BATCH): Promise<ExpirySummary> {
  const due = await db
    .select({ id: pointLots.id, userId: pointLots.userId })
    .from(pointLots)
    .where(and(isNotNull(pointLots.expiresAt), lte(pointLots.expiresAt, now), sql`${remainingOf} > 0`))
    .orderBy(asc(pointLots.expiresAt), asc(pointLots.seq))
    .limit(limit);
  const summary: ExpirySummary = {
    dueLots: due.length,
    expired: { paidLots: 0, paidPoints: 0, bonusLots: 0, bonusPoints: 0 },
    expiredPaid: [],
  };
  for (const lot of due) {
    const expired = await expireLot(lot.id, lot.userId);
    if (!expired) continue;
    if (expired.kind === "bonus") {
      summary.expired.bonusLots += 1;
      summary.expired.bonusPoints += expired.amount;
    } else {
      summary.expired.paidLots += 1;
      summary.expired.paidPoints += expired.amount;
      summary.expiredPaid.push({ userId: lot.userId, ...expired.owed, amount: expired.amount });
    }
  }
  return summary;
}

async function expireLot(lotId: string, userId: string) {
  return db.transaction(async (tx) => {
    await lockBalance(tx, userId);
    const [lot] = await tx
      .select({
        kind: pointLots.pointKind,
        remaining: remainingOf,
        expiresAt: pointLots.expiresAt,
        source: pointEntries.kind,
        reference: pointEntries.reference,
        email: users.email,
      })
      .from(pointLots)
      .innerJoin(users, eq(users.id, pointLots.userId))
      .leftJoin(pointEntries, eq(pointEntries.id, pointLots.entryId))
      .where(eq(pointLots.id, lotId));
    if (!lot || lot.remaining <= 0) return null;
    const kind: PointKind = lot.kind;
    const written = await appendLedgerEntry(tx, {
      userId,
      kind: "expire",
      reference: lotId,
      paidDelta: kind === "paid" ? -lot.remaining : 0,
      bonusDelta: kind === "bonus" ? -lot.remaining : 0,
      memo: kind === "paid" ? MEMOS.expiredPaid : MEMOS.expiredBonus,
      lots: { expiresLot: lotId },
    });
    if (!written) return null;
    return {
      kind,
      amount: lot.remaining,
      owed: {
        email: lot.email,
        paymentId: lot.source === "charge" ? lot.reference : null,
        expiredAt: (lot.expiresAt ?? new Date()).toISOString(),
      },
    };
  });
}
