import "server-only";
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { payments, refunds } from "@/db/schema";
import { drainMailOutbox, type DeliveryRun } from "@/lib/mail/delivery";
import { pruneExpiredRecords, type RetentionSummary } from "@/lib/maintenance/retention";
import { env } from "@/lib/env";
import { acquireLease, type Lease } from "@/lib/maintenance/lease";
import type { PortOnePayment } from "@/lib/portone/payments";
import { paymentProvider } from "@/lib/portone/select-provider";
import { expireDuePoints, type ExpirySummary } from "@/lib/points/expiry";
import { checkLedgerSinceLastRun, type LedgerCheck, type LedgerViolation } from "@/lib/points/invariant";
import { settleRefundFromPortOne, type RefundSettlement } from "./refunds/settle-refund";
import { releaseRejectedPayment, type Release } from "./sync/release-rejected";
import { syncPayment } from "./sync/sync-payment";
import { inStepWithPortOne, remoteStateOf, type PaymentStatus } from "./sync/transitions";
import { log } from "@/lib/observability/log";
import { sweepAutoCharges, type AutoChargeSweep } from "@/lib/billing/sweep";

/**
 * Automatic charges are judged by when PortOne was to charge them, not by their row's age: one
 * not yet sent is the sweep's to send, and a monthly one waits for its schedule's time (its row
 * was written weeks before).
 */
const dueBefore = (cutoff: Date) =>
  or(
    isNull(payments.autoChargeRuleId),
    and(isNotNull(payments.chargeRequestedAt), or(isNull(payments.chargeDueAt), lt(payments.chargeDueAt, cutoff))),
  );

export interface ReconcileOptions {
  /** PENDING rows and unsettled refunds younger than this are left alone (a window may be open). */
  staleAfterMinutes: number;
  /** How far back PortOne's own list of payments is read. */
  windowHours: number;
  /** Rows per keyset page (default RECONCILE_BATCH_SIZE). */
  batchSize?: number;
  /** Payments per request of PortOne's list (default 100). */
  listPageSize?: number;
  /** Check every user's ledger, not only those touched since the last clean check. */
  fullLedgerCheck?: boolean;
  /** Items per list of the summary (default REPORT_LIMIT). */
  reportLimit?: number;
}

/** The job's name in maintenance_jobs: its lease and its ledger-check mark. */
const JOB = "reconcile";

/** The run's lease lapsed and another run took it over: this one stops where it is. */
class LeaseLostError extends Error {
  constructor() {
    super("the reconciliation lease was lost to another run; this run stopped");
  }
}

// How far past our own clock PortOne's list is read (see the PortOne payment list step).
const CLOCK_SKEW_MS = 5 * 60_000;

// Rows are read in keyset pages of this many, so a backlog of any size is walked in bounded memory.
export const RECONCILE_BATCH_SIZE = 500;

/** Every id a query finds, page by page in id order (each page starts after the last id seen). */
async function forEachId(
  page: (afterId: string, limit: number) => Promise<{ id: string }[]>,
  handle: (id: string) => Promise<void>,
  { batchSize, lease }: { batchSize: number; lease: Lease },
): Promise<number> {
  let afterId = "";
  let seen = 0;
  for (;;) {
    if (!lease.held) throw new LeaseLostError();
    const rows = await page(afterId, batchSize);
    for (const { id } of rows) await handle(id);
    seen += rows.length;
    if (rows.length < batchSize) return seen;
    afterId = rows[rows.length - 1]!.id;
  }
}

// A window opens seconds after its row is written (the charge page's script gives up after 15 s):
// a PENDING row PortOne still has no record of after this long never reached PortOne's window.
const UNOPENED_AFTER_MINUTES = 5;

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = { staleAfterMinutes: 30, windowHours: 48 };

export interface ReconcileSummary {
  window: { from: string; until: string };
  checked: {
    stalePending: number;
    unopenedPending: number;
    overdueVirtualAccounts: number;
    unsettledRefunds: number;
    unreleasedRejected: number;
    portonePayments: number;
  };
  changes: { paymentId: string; from: PaymentStatus; to: PaymentStatus }[];
  refunds: { refundId: string; outcome: RefundSettlement }[];
  /** Rejected payments whose money PortOne may still have held, and what was done about it. */
  rejected: ({ paymentId: string } & Release)[];
  /** Payments PortOne has in the window that the app never recorded: for an operator to look at. */
  unknownAtPortOne: { paymentId: string; status: string; amount: number }[];
  /** Automatic charges a crash left unsent, finished ones counted against their rules, retries started. */
  autoCharges: AutoChargeSweep;
  /** Points whose validity ended (README "Points validity"); `expiredPaid` is money owed to buyers. */
  expiry: ExpirySummary;
  /** Old sign-in attempts, webhook records and idempotency keys deleted (README "Retention"). */
  retention: RetentionSummary;
  /** Queued mail sent or retried: what a crash between a commit and its delivery left behind. */
  mail: DeliveryRun;
  /** Which users' ledgers were checked: everyone, or those touched since the last clean check. */
  ledgerCheck: Omit<LedgerCheck, "violations">;
  ledgerViolations: LedgerViolation[];
  errors: { subject: string; message: string }[];
  /** Items left out of each list above past REPORT_LIMIT (the work was done; the answer stays small). */
  omitted: Partial<Record<ReportList, number>>;
}

type ReportList = "changes" | "refunds" | "rejected" | "unknownAtPortOne" | "errors";

// A run after a long outage may change a hundred thousand payments: each list reports this many.
const REPORT_LIMIT = 1_000;

function report<List extends ReportList>(
  summary: ReconcileSummary,
  list: List,
  item: ReconcileSummary[List][number],
  limit: number,
): void {
  const items = summary[list] as ReconcileSummary[List][number][];
  if (items.length < limit) items.push(item);
  else summary.omitted[list] = (summary.omitted[list] ?? 0) + 1;
}

/**
 * DESIGN.md flow 8. Brings every payment and refund whose outcome was missed (a dropped webhook,
 * a browser that never came back, a cancel that timed out) in line with PortOne, through the same
 * syncPayment as every other entry point, then checks the ledger. Safe to run at any time and
 * concurrently with traffic; each item's failure is reported and the run goes on. One run at a
 * time across all instances: while another holds the lease this throws JobBusyError.
 */
export async function reconcile(options: ReconcileOptions = DEFAULT_RECONCILE_OPTIONS): Promise<ReconcileSummary> {
  const lease = await acquireLease(JOB, env.RECONCILE_LEASE_SECONDS * 1_000);
  try {
    return await reconcileHoldingLease(options, lease);
  } finally {
    await lease.release();
  }
}

async function reconcileHoldingLease(options: ReconcileOptions, lease: Lease): Promise<ReconcileSummary> {
  const now = new Date();
  const pages = { batchSize: options.batchSize ?? RECONCILE_BATCH_SIZE, lease };
  const limit = options.reportLimit ?? REPORT_LIMIT;
  const staleBefore = new Date(now.getTime() - options.staleAfterMinutes * 60_000);
  const from = new Date(now.getTime() - options.windowHours * 3_600_000);
  const summary: ReconcileSummary = {
    window: { from: from.toISOString(), until: now.toISOString() },
    checked: {
      stalePending: 0,
      unopenedPending: 0,
      overdueVirtualAccounts: 0,
      unsettledRefunds: 0,
      unreleasedRejected: 0,
      portonePayments: 0,
    },
    changes: [],
    refunds: [],
    rejected: [],
    unknownAtPortOne: [],
    autoCharges: { sent: 0, settled: 0, retried: 0, scheduled: 0 },
    expiry: { dueLots: 0, expired: { paidLots: 0, paidPoints: 0, bonusLots: 0, bonusPoints: 0 }, expiredPaid: [] },
    retention: {
      deleted: { signInAttempts: 0, webhookEvents: 0, idempotencyKeys: 0, mail: 0 },
      more: false,
      skipped: false,
    },
    mail: { sent: 0, retrying: 0, failed: 0 },
    ledgerCheck: { scope: "full", since: null },
    ledgerViolations: [],
    errors: [],
    omitted: {},
  };
  const attempt = async (subject: string, work: () => Promise<void>, ids: Record<string, string> = {}) => {
    try {
      await work();
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      report(summary, "errors", { subject, message: error instanceof Error ? error.message : String(error) }, limit);
      log.warn({ ...ids, subject, err: error }, "reconciliation step failed; the next run tries again");
    }
  };
  const sync = (paymentId: string, verdict: { abandoned?: boolean; unopenedIsOver?: boolean } = {}) =>
    attempt(
      paymentId,
      async () => {
        const result = await syncPayment(paymentId, verdict);
        if (result.ok && result.status !== result.previousStatus) {
          report(summary, "changes", { paymentId, from: result.previousStatus, to: result.status }, limit);
        }
      },
      { paymentId },
    );

  try {
    // Refunds first: while one is unsettled, syncPayment cannot tell its cancellation from an outside one.
    // One whose cancellation PortOne accepted to carry out later is read by its id, whatever its age.
    summary.checked.unsettledRefunds = await forEachId(
      (afterId, limit) =>
        db
          .select({ id: sql<string>`${refunds.id}::text` })
          .from(refunds)
          .where(
            and(
              eq(refunds.status, "REQUESTED"),
              or(lt(refunds.createdAt, staleBefore), isNotNull(refunds.cancellationId)),
              afterId ? sql`${refunds.id}::text > ${afterId}` : undefined,
            ),
          )
          .orderBy(sql`${refunds.id}::text`)
          .limit(limit),
      (id) =>
        attempt(
          `refund ${id}`,
          async () => {
            report(summary, "refunds", { refundId: id, outcome: await settleRefundFromPortOne(id) }, limit);
          },
          { refundId: id },
        ),
      pages,
    );

    // A rejected payment's money goes back to the customer: a cancel that failed, timed out or never
    // ran (a crash after the rejection committed) is tried again until PortOne confirms.
    summary.checked.unreleasedRejected = await forEachId(
      paymentsPage(and(eq(payments.status, "REJECTED"), isNull(payments.releasedAt))),
      (id) =>
        attempt(
          `rejected ${id}`,
          async () => {
            report(summary, "rejected", { paymentId: id, ...(await releaseRejectedPayment(id)) }, limit);
          },
          { paymentId: id },
        ),
      pages,
    );

    summary.checked.stalePending = await forEachId(
      paymentsPage(and(eq(payments.status, "PENDING"), lt(payments.createdAt, staleBefore), dueBefore(staleBefore))),
      (id) => sync(id, { abandoned: true }),
      pages,
    );

    // Younger rows whose window never reached PortOne (it was unreachable, the page was closed
    // first) need not wait half an hour: nothing can complete them any more.
    const unopenedBefore = new Date(
      now.getTime() - Math.min(UNOPENED_AFTER_MINUTES, options.staleAfterMinutes) * 60_000,
    );
    summary.checked.unopenedPending = await forEachId(
      paymentsPage(
        and(
          eq(payments.status, "PENDING"),
          lt(payments.createdAt, unopenedBefore),
          gte(payments.createdAt, staleBefore),
          dueBefore(unopenedBefore),
        ),
      ),
      (id) => sync(id, { unopenedIsOver: true }),
      pages,
    );

    summary.checked.overdueVirtualAccounts = await forEachId(
      paymentsPage(
        and(
          eq(payments.status, "VIRTUAL_ACCOUNT_ISSUED"),
          sql`(${payments.virtualAccount}->>'dueAt')::timestamptz < ${now.toISOString()}::timestamptz`,
        ),
      ),
      (id) => sync(id),
      pages,
    );

    await attempt("PortOne payment list", async () => {
      // PortOne's `until` is exclusive and its clock is not ours: a change stamped in the same
      // instant (or a little ahead of our clock) would miss this run, so the list reaches past now.
      summary.checked.portonePayments = await paymentProvider.forEachPaymentPage(
        from,
        new Date(now.getTime() + CLOCK_SKEW_MS),
        (listed) => compareWithPortOne(listed, summary, sync, limit),
        {
          pageSize: options.listPageSize,
          beforeEachPage: () => {
            if (!lease.held) throw new LeaseLostError();
          },
        },
      );
    });

    await attempt("automatic charges", async () => {
      summary.autoCharges = await sweepAutoCharges(now, Math.min(30_000, options.staleAfterMinutes * 60_000));
    });

    await attempt("points expiry", async () => {
      summary.expiry = await expireDuePoints(now);
    });

    await attempt("retention", async () => {
      summary.retention = await pruneExpiredRecords({ now });
    });

    await attempt("mail outbox", async () => {
      summary.mail = await drainMailOutbox();
    });

    const { violations, ...ledgerCheck } = await checkLedgerSinceLastRun(JOB, { full: options.fullLedgerCheck });
    summary.ledgerCheck = ledgerCheck;
    summary.ledgerViolations = violations;
  } catch (error) {
    if (!(error instanceof LeaseLostError)) throw error;
    report(summary, "errors", { subject: "lease", message: error.message }, limit);
  }
  for (const payment of summary.unknownAtPortOne) {
    log.warn(
      { paymentId: payment.paymentId, portoneStatus: payment.status },
      "PortOne has a payment we never recorded",
    );
  }
  if (summary.ledgerViolations.length > 0) {
    log.error({ violations: summary.ledgerViolations.length }, "ledger invariant violated");
  }
  log.info(
    {
      checked: summary.checked,
      changes: summary.changes.length + (summary.omitted.changes ?? 0),
      refundsSettled: summary.refunds.length + (summary.omitted.refunds ?? 0),
      rejected: summary.rejected.length + (summary.omitted.rejected ?? 0),
      unknownAtPortOne: summary.unknownAtPortOne.length + (summary.omitted.unknownAtPortOne ?? 0),
      errors: summary.errors.length + (summary.omitted.errors ?? 0),
      ledgerViolations: summary.ledgerViolations.length,
      mail: summary.mail,
    },
    "reconciliation finished",
  );
  return summary;
}

/** A keyset page of the payments matching `where`, in id order. */
function paymentsPage(where: SQL | undefined) {
  return (afterId: string, limit: number) =>
    db
      .select({ id: payments.id })
      .from(payments)
      .where(and(where, afterId ? gt(payments.id, afterId) : undefined))
      .orderBy(asc(payments.id))
      .limit(limit);
}

async function compareWithPortOne(
  listed: PortOnePayment[],
  summary: ReconcileSummary,
  sync: (paymentId: string) => Promise<void>,
  limit: number,
) {
  if (listed.length === 0) return;
  const ours = new Map(
    (
      await db
        .select({ id: payments.id, status: payments.status })
        .from(payments)
        .where(
          inArray(
            payments.id,
            listed.map((payment) => payment.id),
          ),
        )
    ).map((row) => [row.id, row.status]),
  );
  for (const remote of listed) {
    const status = ours.get(remote.id);
    if (status === undefined) {
      report(
        summary,
        "unknownAtPortOne",
        { paymentId: remote.id, status: remote.status, amount: remote.amountTotal },
        limit,
      );
    } else if (status !== "REJECTED" && !inStepWithPortOne(status, remoteStateOf(remote))) {
      // (REJECTED rows are released above, by what PortOne holds, not by this comparison.)
      await sync(remote.id);
    }
  }
}
