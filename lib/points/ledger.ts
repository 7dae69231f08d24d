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
 * `balance_after` follows the previous one. Returns false when the entry already existed, and
 * then changes nothing.
 */
export async function appendLedgerEntry(tx: Transaction, entry: LedgerEntryInput): Promise<boolean> {
  // Moving the cached balance first takes the row lock (so a user's entries serialise) and gives
  // the balance it moved from, in one statement instead of a locking read and a later write.
  const [after] = await tx
    .update(users)
    .set({
      paidBalance: sql`${users.paidBalance} + ${entry.paidDelta}`,
      bonusBalance: sql`${users.bonusBalance} + ${entry.bonusDelta}`,
    })
    .where(eq(users.id, entry.userId))
    .returning({ paid: users.paidBalance, bonus: users.bonusBalance });
  if (!after) throw new Error(`ledger: no user ${entry.userId}`);
  const before = { paid: after.paid - entry.paidDelta, bonus: after.bonus - entry.bonusDelta };

  const { lots: how = {}, ...values } = entry;
  const inserted = await tx
    .insert(pointEntries)
    .values({ ...values, paidBalanceAfter: after.paid, bonusBalanceAfter: after.bonus })
    .onConflictDoNothing({ target: [pointEntries.kind, pointEntries.reference] })
    .returning({ id: pointEntries.id, createdAt: pointEntries.createdAt });
  if (inserted.length === 0) {
    // Written before (a repeated credit or refund): the balance goes back to where it was.
    await tx
      .update(users)
      .set({ paidBalance: sql`${before.paid}`, bonusBalance: sql`${before.bonus}` })
      .where(eq(users.id, entry.userId));
    return false;
  }

  // Each credit's expiry is fixed now, from the validity in force when it is credited. The two
  // kinds' lots are apart, so their statements go to PostgreSQL together.
  const { id: entryId, createdAt: creditedAt } = inserted[0]!;
  const validity = configuredValidity();
  const movements = (
    [
      ["paid", entry.paidDelta, before.paid],
      ["bonus", entry.bonusDelta, before.bonus],
    ] as const
  ).filter(([, delta]) => delta !== 0);
  await Promise.all(
    movements.map(([kind, delta, balanceBefore]) =>
      recordLotMovement(
        tx,
        { userId: entry.userId, entryId, kind, delta, before: balanceBefore, creditedAt, validity },
        how,
      ),
    ),
  );
  return true;
}
