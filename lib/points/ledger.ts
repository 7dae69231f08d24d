import "server-only";
import { eq, sql } from "drizzle-orm";
import { pointEntries, users, type PointEntryKind } from "@/db/schema";
import type { db } from "@/db";

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
  const inserted = await tx
    .insert(pointEntries)
    .values({ ...entry, paidBalanceAfter: paidAfter, bonusBalanceAfter: bonusAfter })
    .onConflictDoNothing({ target: [pointEntries.kind, pointEntries.reference] })
    .returning({ id: pointEntries.id });
  if (inserted.length === 0) return false;

  await tx
    .update(users)
    .set({ paidBalance: sql`${paidAfter}`, bonusBalance: sql`${bonusAfter}` })
    .where(eq(users.id, entry.userId));
  return true;
}
