import "server-only";
import { eq, sql } from "drizzle-orm";
import { pointEntries, pointLots, users, type PointEntryKind } from "@/db/schema";
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
  const { lots: how = {}, ...values } = entry;
  const validity = configuredValidity();
  const movements = (
    [
      ["paid", entry.paidDelta, validity.paidDays],
      ["bonus", entry.bonusDelta, validity.bonusDays],
    ] as const
  ).filter(([, delta]) => delta !== 0);
  // A credit in the drawing order makes one lot of what the credit leaves above zero, expiring by
  // the validity in force now: written by the same statement as the entry (lots.ts does the rest).
  const lotsHere = movements.filter(([, delta]) => delta > 0 && !how.restores);
  const lotsLater = movements.filter((movement) => !lotsHere.includes(movement));

  // One statement: moving the cached balance takes the row lock (so a user's entries serialise,
  // and the entry's seq is drawn after it) and gives the balance after, which the entry records.
  const lotRows = lotsHere.map(
    ([kind, delta, days]) =>
      sql`(${kind}::point_kind, least(${delta}::int, greatest(0, moved.${sql.raw(`${kind}_balance`)})), ${days}::int)`,
  );
  const [row] = await tx.execute<{ paid: number; bonus: number; entryId: string | null; createdAt: string | null }>(sql`
    with moved as (
      update ${users}
      set paid_balance = paid_balance + ${entry.paidDelta}::int, bonus_balance = bonus_balance + ${entry.bonusDelta}::int
      where id = ${entry.userId}
      returning paid_balance, bonus_balance
    ), entry as (
      insert into ${pointEntries} (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after, memo)
      select ${values.userId}::uuid, ${values.kind}::point_entry_kind, ${values.reference}::text, ${values.paidDelta}::int,
        ${values.bonusDelta}::int, paid_balance, bonus_balance, ${values.memo ?? null}::text
      from moved
      on conflict (kind, reference) do nothing
      returning id, created_at
    )${
      lotRows.length > 0
        ? sql`, lots as (
      insert into ${pointLots} (user_id, entry_id, point_kind, amount, expires_at)
      select ${entry.userId}::uuid, entry.id, part.kind, part.amount,
        case when part.days > 0 then date_trunc('milliseconds', entry.created_at) + part.days * interval '24 hours' end
      from entry, moved, lateral (values ${sql.join(lotRows, sql`, `)}) part (kind, amount, days)
      where part.amount > 0
    )`
        : sql``
    }
    select moved.paid_balance as paid, moved.bonus_balance as bonus, entry.id as "entryId", entry.created_at as "createdAt"
    from moved left join entry on true`);
  if (!row) throw new Error(`ledger: no user ${entry.userId}`);
  const before = { paid: row.paid - entry.paidDelta, bonus: row.bonus - entry.bonusDelta };
  if (!row.entryId || !row.createdAt) {
    // Written before (a repeated credit or refund): the balance goes back to where it was.
    await tx
      .update(users)
      .set({ paidBalance: sql`${before.paid}`, bonusBalance: sql`${before.bonus}` })
      .where(eq(users.id, entry.userId));
    return false;
  }

  // Debits and credits that restore earlier lots; the two kinds' lots are apart, so their
  // statements go to PostgreSQL together.
  const creditedAt = new Date(row.createdAt);
  await Promise.all(
    lotsLater.map(([kind, delta]) =>
      recordLotMovement(
        tx,
        { userId: entry.userId, entryId: row.entryId!, kind, delta, before: before[kind], creditedAt, validity },
        how,
      ),
    ),
  );
  return true;
}
