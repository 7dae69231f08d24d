import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { pointEntries, pointLotDraws, pointLots, type PointEntryKind, type PointKind } from "@/db/schema";
import { allocateDraws, type OpenLot } from "./lot-order";
import { expiryOf, type PointsValidity } from "./validity";
import type { Transaction } from "./ledger";

export interface EntryRef {
  kind: PointEntryKind;
  reference: string;
}

/** How an entry's points map onto lots; every field optional: the default is the drawing order. */
export interface LotInstructions {
  /** Debits: draw first from the lots this entry credited (a refund takes back its own charge's points). */
  takesBackFrom?: EntryRef;
  /** Credits: give back exactly what this entry drew, each part with its lot's expiry (a failed refund). */
  restores?: EntryRef;
  /** An `expire` entry: the one lot it empties. */
  expiresLot?: string;
}

interface Movement {
  userId: string;
  entryId: string;
  kind: PointKind;
  delta: number;
  before: number;
  creditedAt: Date;
  validity: PointsValidity;
}

async function entryIdOf(tx: Transaction, ref: EntryRef): Promise<string | null> {
  const [row] = await tx
    .select({ id: pointEntries.id })
    .from(pointEntries)
    .where(and(eq(pointEntries.kind, ref.kind), eq(pointEntries.reference, ref.reference)));
  return row?.id ?? null;
}

/** The user's lots of one kind with points left. Called with the balance row locked, so it cannot change under us. */
export async function openLots(tx: Transaction, userId: string, kind: PointKind, preferEntry?: string | null) {
  const rows = await tx
    .select({
      id: pointLots.id,
      entryId: pointLots.entryId,
      expiresAt: pointLots.expiresAt,
      seq: pointLots.seq,
      remaining: sql<number>`(${pointLots.amount} - coalesce(sum(${pointLotDraws.amount}), 0))::int`,
    })
    .from(pointLots)
    .leftJoin(pointLotDraws, eq(pointLotDraws.lotId, pointLots.id))
    .where(and(eq(pointLots.userId, userId), eq(pointLots.pointKind, kind)))
    .groupBy(pointLots.id)
    .having(sql`${pointLots.amount} - coalesce(sum(${pointLotDraws.amount}), 0) > 0`);
  return rows.map((row): OpenLot => ({ ...row, preferred: preferEntry != null && row.entryId === preferEntry }));
}

/**
 * Credits make lots, debits draw from them, so that for every user and kind the points left in
 * lots equal the balance (or 0 while it is negative: a credit first covers that debt, and only
 * what is left of it becomes a lot). Runs in the ledger entry's transaction, balance row locked.
 */
export async function recordLotMovement(tx: Transaction, move: Movement, how: LotInstructions): Promise<void> {
  const after = move.before + move.delta;
  if (move.delta > 0) {
    let left = Math.min(move.delta, Math.max(0, after));
    const parts: { amount: number; expiresAt: Date | null }[] = [];
    const restored = how.restores ? await entryIdOf(tx, how.restores) : null;
    if (restored) {
      const drawn = await tx
        .select({ amount: pointLotDraws.amount, expiresAt: pointLots.expiresAt })
        .from(pointLotDraws)
        .innerJoin(pointLots, eq(pointLots.id, pointLotDraws.lotId))
        .where(and(eq(pointLotDraws.entryId, restored), eq(pointLots.pointKind, move.kind)))
        .orderBy(pointLots.seq);
      for (const part of drawn) {
        const amount = Math.min(part.amount, left);
        if (amount > 0) parts.push({ amount, expiresAt: part.expiresAt });
        left -= amount;
      }
    }
    if (left > 0) parts.push({ amount: left, expiresAt: expiryOf(move.kind, move.creditedAt, move.validity) });
    if (parts.length > 0)
      await tx
        .insert(pointLots)
        .values(parts.map((part) => ({ ...part, userId: move.userId, entryId: move.entryId, pointKind: move.kind })));
    return;
  }

  const amount = -move.delta;
  const preferEntry = how.takesBackFrom ? await entryIdOf(tx, how.takesBackFrom) : null;
  const lots = await openLots(tx, move.userId, move.kind, preferEntry);
  const chosen = how.expiresLot ? lots.filter((lot) => lot.id === how.expiresLot) : lots;
  const { draws, shortfall } = allocateDraws(chosen, amount);
  // What no lot covers must be exactly what the balance goes below zero by; anything else means
  // the lots and the balance disagree, and writing on would hide it.
  const expectedShortfall = Math.max(0, -after) - Math.max(0, -move.before);
  if (shortfall !== (how.expiresLot ? 0 : expectedShortfall))
    throw new Error(`ledger: ${move.kind} lots of ${move.userId} are out of step with the balance`);
  if (draws.length > 0)
    await tx.insert(pointLotDraws).values(draws.map((draw) => ({ ...draw, entryId: move.entryId })));
}
