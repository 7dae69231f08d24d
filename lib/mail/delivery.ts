import "server-only";
import { asc, eq, inArray, lte, sql } from "drizzle-orm";
import { after } from "next/server";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";
import { log } from "@/lib/observability/log";
import { configuredMailer } from "./configured-mailer";
import type { Mailer } from "./mailer";

/** After this many failed attempts a message is given up (about 4 hours of backoff in all). */
export const MAX_MAIL_ATTEMPTS = 10;
// The wait after the n-th failure: 30 s, 1 min, 2 min, … doubling, never more than 6 hours.
const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 6 * 3_600;
// A claimed row is due again after this: a process that died while sending leaves it to others.
// Longer than the SMTP timeouts of one message many times over.
const CLAIM_SECONDS = 300;
// How many messages one run claims (reconciliation drains in larger batches).
const RUN_LIMIT = 20;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_SECONDS);
}

export interface DeliveryRun {
  sent: number;
  /** Failed this time, tried again later. */
  retrying: number;
  /** Failed for the last time: left for an operator (/admin/mail). */
  failed: number;
}

/**
 * Sends due messages of the outbox, at most `limit`. Each is claimed first by a committed update
 * that moves its next attempt past the claim's time (`FOR UPDATE SKIP LOCKED`: concurrent runs,
 * in this process or another instance, each take other rows and never wait), so no transaction
 * stays open while the mail server is talked to, and two runs never send the same row. A crash
 * after the server accepted a message and before it was marked sends it again after the claim
 * lapses, under the same Message-ID: nothing is lost, and a resend is the rare exception. The
 * messages the run sent are marked together at its end (one statement, not one per message), so
 * such a crash resends at most that run's messages.
 */
export async function deliverQueuedMail({ limit = RUN_LIMIT }: { limit?: number } = {}): Promise<DeliveryRun> {
  const claimed = await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + ${`${CLAIM_SECONDS} seconds`}::interval`,
    })
    .where(
      inArray(
        mailOutbox.id,
        db
          .select({ id: mailOutbox.id })
          .from(mailOutbox)
          .where(lte(mailOutbox.nextAttemptAt, sql`now()`))
          .orderBy(asc(mailOutbox.nextAttemptAt))
          .limit(limit)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning();

  const mailer = configuredMailer();
  const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
  const sent: string[] = [];
  try {
    for (const row of claimed) {
      const outcome = await deliverOne(mailer, row);
      run[outcome] += 1;
      if (outcome === "sent") sent.push(row.id);
    }
  } finally {
    if (sent.length > 0)
      await db
        .update(mailOutbox)
        .set({ sentAt: sql`now()`, nextAttemptAt: null, lastError: null })
        // One array parameter, so the statement's text (and its prepared plan) is the same however many.
        .where(sql`${mailOutbox.id} = any(${sql.param(sent)}::uuid[])`);
  }
  return run;
}

async function deliverOne(mailer: Mailer, row: typeof mailOutbox.$inferSelect): Promise<keyof DeliveryRun> {
  try {
    await mailer.send({
      to: row.recipient,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
      messageId: `<${row.id}@pointcharge>`,
    });
  } catch (error) {
    const last = row.attempts >= MAX_MAIL_ATTEMPTS;
    const retryIn = retryDelaySeconds(row.attempts);
    // The server's answer ("451 Mailbox busy …") says it all; a stack would say nothing more.
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
    await db
      .update(mailOutbox)
      .set({
        lastError: reason,
        nextAttemptAt: last ? null : sql`now() + ${`${retryIn} seconds`}::interval`,
      })
      .where(eq(mailOutbox.id, row.id));
    // The key names the message (e.g. receipt:<paymentId>); the address stays out of the logs.
    log.warn(
      { mailId: row.id, mailKey: row.key, attempts: row.attempts, reason, ...(last ? {} : { retryIn }) },
      last ? "mail delivery failed for the last time" : "mail delivery failed; it is tried again later",
    );
    return last ? "failed" : "retrying";
  }
  log.info({ mailId: row.id, mailKey: row.key, attempts: row.attempts }, "mail sent");
  return "sent";
}

// This process's delivery run in progress, and whether mail was queued since it claimed its rows.
let running: Promise<void> | null = null;
let queuedSince = false;

/** Delivery runs of this process, one at a time: a run asked for while one works follows it. */
function deliverInTurn(): Promise<void> {
  if (running) {
    queuedSince = true;
    return running;
  }
  running = (async () => {
    try {
      let full: boolean;
      do {
        queuedSince = false;
        const run = await deliverQueuedMail({ limit: RUN_LIMIT });
        full = run.sent + run.retrying + run.failed === RUN_LIMIT;
      } while (queuedSince || full);
    } catch (error) {
      log.error({ err: error }, "mail delivery run failed; reconciliation tries again");
    } finally {
      running = null;
    }
  })();
  return running;
}

/**
 * Starts delivery once the current response is done (or at once outside a request), for a caller
 * whose transaction just queued mail. Never throws and never delays the caller: a failure is
 * logged, and reconciliation sends what is left. Callers that commit while a run of this process
 * is under way share one further run instead of each claiming on its own: under load most runs
 * would find only their own message, and each costs its statements.
 */
export function deliverMailSoon(): void {
  try {
    after(deliverInTurn);
  } catch {
    // Outside a request (scripts, tests) there is no response to wait for.
    void deliverInTurn();
  }
}

/** Reconciliation's part: everything due, in bounded batches, at most `max` messages a run. */
export async function drainMailOutbox({ max = 500, batch = 50 } = {}): Promise<DeliveryRun> {
  const total: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
  while (total.sent + total.retrying + total.failed < max) {
    const run = await deliverQueuedMail({ limit: batch });
    total.sent += run.sent;
    total.retrying += run.retrying;
    total.failed += run.failed;
    if (run.sent + run.retrying + run.failed < batch) break;
  }
  return total;
}
