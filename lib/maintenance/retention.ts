import "server-only";
import { inArray, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { idempotencyKeys, mailOutbox, signInAttempts, webhookEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

export interface RetentionSummary {
  /** Rows deleted this run, per table. */
  deleted: { signInAttempts: number; webhookEvents: number; idempotencyKeys: number; mail: number };
  /** Old rows were left for the next run (the run's bound was reached). */
  more: boolean;
  /** Another run was pruning at the same time; this one left it to that one. */
  skipped: boolean;
}

export interface RetentionOptions {
  now?: Date;
  /** Rows per DELETE (one short transaction each). */
  batchSize?: number;
  /** DELETEs per table and run: the bound on one run's work. */
  maxBatches?: number;
}

const DAY_MS = 86_400_000;
// Any fixed key; pg_try_advisory_xact_lock takes a bigint.
const RETENTION_LOCK = 0x7265746e; // "retn"

// Each table: its key, its age column and how many days its rows are kept.
const TABLES = {
  signInAttempts: {
    table: signInAttempts,
    key: signInAttempts.id,
    age: signInAttempts.attemptedAt,
    days: () => env.SIGN_IN_ATTEMPT_RETENTION_DAYS,
  },
  webhookEvents: {
    table: webhookEvents,
    key: webhookEvents.webhookId,
    age: webhookEvents.receivedAt,
    days: () => env.WEBHOOK_EVENT_RETENTION_DAYS,
  },
  idempotencyKeys: {
    table: idempotencyKeys,
    key: idempotencyKeys.key,
    age: idempotencyKeys.createdAt,
    days: () => env.IDEMPOTENCY_KEY_RETENTION_DAYS,
  },
  // By age alone: a message that old was sent or given up long ago (ten attempts within a day).
  mail: {
    table: mailOutbox,
    key: mailOutbox.id,
    age: mailOutbox.createdAt,
    days: () => env.MAIL_RETENTION_DAYS,
  },
} as const;

type TableName = keyof typeof TABLES;

/** One bounded DELETE of the oldest expired rows, or null when another run holds the lock. */
async function deleteBatch(name: TableName, cutoff: Date, batchSize: number): Promise<number | null> {
  const { table, key, age } = TABLES[name];
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`,
    );
    if (!lock?.locked) return null;
    const doomed = tx.select({ key }).from(table).where(lt(age, cutoff)).limit(batchSize);
    const deleted = await tx.delete(table).where(inArray(key, doomed)).returning({ key });
    return deleted.length;
  });
}

/**
 * Deletes sign-in attempts, webhook records, idempotency keys and mail older than their retention
 * (README "Retention"), in batches of `batchSize` rows, at most `maxBatches` per table, so one
 * run never holds locks or a transaction for long; what is left goes in the next run.
 */
export async function pruneExpiredRecords({
  now = new Date(),
  batchSize = 1_000,
  maxBatches = 20,
}: RetentionOptions = {}): Promise<RetentionSummary> {
  const summary: RetentionSummary = {
    deleted: { signInAttempts: 0, webhookEvents: 0, idempotencyKeys: 0, mail: 0 },
    more: false,
    skipped: false,
  };
  for (const name of Object.keys(TABLES) as TableName[]) {
    const cutoff = new Date(now.getTime() - TABLES[name].days() * DAY_MS);
    for (let batch = 0; ; batch++) {
      if (batch === maxBatches) {
        summary.more = true;
        break;
      }
      const deleted = await deleteBatch(name, cutoff, batchSize);
      if (deleted === null) {
        summary.skipped = true;
        break;
      }
      summary.deleted[name] += deleted;
      if (deleted < batchSize) break;
    }
  }
  log.info({ ...summary.deleted, more: summary.more, skipped: summary.skipped }, "expired records pruned");
  return summary;
}
