import "server-only";
import { eq, sql } from "drizzle-orm";
import { pointEntries, users, type PointEntryKind } from "@/db/schema";
import type { db } from "@/db";
import { configuredValidity } from "./configured-validity";
import { recordLotMovement, type LotInstructions } from "./lots";

export type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** Locks the user's balance row until the transaction ends and returns the balance. */
export async function lockBalance(tx: Transaction, userId: string): Promise<{ paid: number; bonus: number }> {
  const [balance] = await tx
    .select({ paid: users.paidBalance, bonus: users.bonusBalance })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!balance) throw new Error(`ledger: no user ${userId}`);
  return balance;
}

export interface LedgerEntryInput {
  userId: string;
  kind: PointEntryKind;
  /** With `kind`, unique: the same charge can never be written twice. */
  reference: string;
  paidDelta: number;
  bonusDelta: number;
  memo?: string;
  /** Which lots the points come from or go back to (README "Points validity"); default: the drawing order. */
  lots?: LotInstructions;
}

/**
 * The only writer of the ledger. Runs inside the caller's transaction so the entry commits with
 * the state change it belongs to; locks the user's row so concurrent entries serialise and each
 * `balance_after` follows the previous one. Returns false when the entry already existed.
 */
export async function appendLedgerEntry(tx: Transaction, entry: LedgerEntryInput): Promise<boolean> {
  const balance = await lockBalance(tx, entry.userId);

  const paidAfter = balance.paid + entry.paidDelta;
  const bonusAfter = balance.bonus + entry.bonusDelta;
  const { lots: how = {}, ...values } = entry;
  const inserted = await tx
    .insert(pointEntries)
    .values({ ...values, paidBalanceAfter: paidAfter, bonusBalanceAfter: bonusAfter })
    .onConflictDoNothing({ target: [pointEntries.kind, pointEntries.reference] })
    .returning({ id: pointEntries.id, createdAt: pointEntries.createdAt });
  if (inserted.length === 0) return false;

  // Each credit's expiry is fixed now, from the validity in force when it is credited.
  const { id: entryId, createdAt: creditedAt } = inserted[0]!;
  const validity = configuredValidity();
  for (const [kind, delta, before] of [
    ["paid", entry.paidDelta, balance.paid],
    ["bonus", entry.bonusDelta, balance.bonus],
  ] as const) {
    if (delta !== 0)
      await recordLotMovement(tx, { userId: entry.userId, entryId, kind, delta, before, creditedAt, validity }, how);
  }

  await tx
    .update(users)
    .set({ paidBalance: sql`${paidAfter}`, bonusBalance: sql`${bonusAfter}` })
    .where(eq(users.id, entry.userId));
  return true;
}
