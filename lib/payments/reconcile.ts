import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { payments, refunds } from "@/db/schema";
import { pruneExpiredRecords, type RetentionSummary } from "@/lib/maintenance/retention";
import { listPortOnePayments, type PortOnePayment } from "@/lib/portone/payments";
import { expireDuePoints, type ExpirySummary } from "@/lib/points/expiry";
import { findLedgerViolations, type LedgerViolation } from "@/lib/points/invariant";
import { settleRefundFromPortOne, type RefundSettlement } from "./refunds/settle-refund";
import { releaseRejectedPayment, type Release } from "./sync/release-rejected";
import { syncPayment } from "./sync/sync-payment";
import { inStepWithPortOne, remoteStateOf, type PaymentStatus } from "./sync/transitions";
import { log } from "@/lib/observability/log";

export interface ReconcileOptions {
  /** PENDING rows and unsettled refunds younger than this are left alone (a window may be open). */
  staleAfterMinutes: number;
  /** How far back PortOne's own list of payments is read. */
  windowHours: number;
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
  /** Points whose validity ended (README "Points validity"); `expiredPaid` is money owed to buyers. */
  expiry: ExpirySummary;
  /** Old sign-in attempts, webhook records and idempotency keys deleted (README "Retention"). */
  retention: RetentionSummary;
  ledgerViolations: LedgerViolation[];
  errors: { subject: string; message: string }[];
}

/**
 * DESIGN.md flow 8. Brings every payment and refund whose outcome was missed (a dropped webhook,
 * a browser that never came back, a cancel that timed out) in line with PortOne, through the same
 * syncPayment as every other entry point, then checks the ledger. Safe to run at any time and
 * concurrently with traffic; each item's failure is reported and the run goes on.
 */
export async function reconcile(options: ReconcileOptions = DEFAULT_RECONCILE_OPTIONS): Promise<ReconcileSummary> {
  const now = new Date();
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
    expiry: { dueLots: 0, expired: { paidLots: 0, paidPoints: 0, bonusLots: 0, bonusPoints: 0 }, expiredPaid: [] },
    retention: {
      deleted: { signInAttempts: 0, webhookEvents: 0, idempotencyKeys: 0 },
      more: false,
      skipped: false,
    },
    ledgerViolations: [],
    errors: [],
  };
  const attempt = async (subject: string, work: () => Promise<void>, ids: Record<string, string> = {}) => {
    try {
      await work();
    } catch (error) {
      summary.errors.push({ subject, message: error instanceof Error ? error.message : String(error) });
      log.warn({ ...ids, subject, err: error }, "reconciliation step failed; the next run tries again");
    }
  };
  const sync = (paymentId: string, verdict: { abandoned?: boolean; unopenedIsOver?: boolean } = {}) =>
    attempt(
      paymentId,
      async () => {
        const result = await syncPayment(paymentId, verdict);
        if (result.ok && result.status !== result.previousStatus) {
          summary.changes.push({ paymentId, from: result.previousStatus, to: result.status });
        }
      },
      { paymentId },
    );

  // Refunds first: while one is unsettled, syncPayment cannot tell its cancellation from an outside one.
  // One whose cancellation PortOne accepted to carry out later is read by its id, whatever its age.
  const unsettled = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      and(eq(refunds.status, "REQUESTED"), or(lt(refunds.createdAt, staleBefore), isNotNull(refunds.cancellationId))),
    );
  summary.checked.unsettledRefunds = unsettled.length;
  for (const { id } of unsettled) {
    await attempt(
      `refund ${id}`,
      async () => {
        summary.refunds.push({ refundId: id, outcome: await settleRefundFromPortOne(id) });
      },
      { refundId: id },
    );
  }

  // A rejected payment's money goes back to the customer: a cancel that failed, timed out or never
  // ran (a crash after the rejection committed) is tried again until PortOne confirms.
  const unreleased = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, "REJECTED"), isNull(payments.releasedAt)));
  summary.checked.unreleasedRejected = unreleased.length;
  for (const { id } of unreleased) {
    await attempt(
      `rejected ${id}`,
      async () => {
        summary.rejected.push({ paymentId: id, ...(await releaseRejectedPayment(id)) });
      },
      { paymentId: id },
    );
  }

  const stalePending = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, "PENDING"), lt(payments.createdAt, staleBefore)));
  summary.checked.stalePending = stalePending.length;
  for (const { id } of stalePending) await sync(id, { abandoned: true });

  // Younger rows whose window never reached PortOne (it was unreachable, the page was closed
  // first) need not wait half an hour: nothing can complete them any more.
  const unopenedBefore = new Date(now.getTime() - Math.min(UNOPENED_AFTER_MINUTES, options.staleAfterMinutes) * 60_000);
  const unopened = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(eq(payments.status, "PENDING"), lt(payments.createdAt, unopenedBefore), gte(payments.createdAt, staleBefore)),
    );
  summary.checked.unopenedPending = unopened.length;
  for (const { id } of unopened) await sync(id, { unopenedIsOver: true });

  const overdue = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.status, "VIRTUAL_ACCOUNT_ISSUED"),
        sql`(${payments.virtualAccount}->>'dueAt')::timestamptz < ${now.toISOString()}::timestamptz`,
      ),
    );
  summary.checked.overdueVirtualAccounts = overdue.length;
  for (const { id } of overdue) await sync(id);

  await attempt("PortOne payment list", async () => {
    const listed = await listPortOnePayments(from, now);
    summary.checked.portonePayments = listed.length;
    await compareWithPortOne(listed, summary, sync);
  });

  await attempt("points expiry", async () => {
    summary.expiry = await expireDuePoints(now);
  });

  await attempt("retention", async () => {
    summary.retention = await pruneExpiredRecords({ now });
  });

  summary.ledgerViolations = await findLedgerViolations();
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
      changes: summary.changes.length,
      refundsSettled: summary.refunds.length,
      rejected: summary.rejected.length,
      unknownAtPortOne: summary.unknownAtPortOne.length,
      errors: summary.errors.length,
      ledgerViolations: summary.ledgerViolations.length,
    },
    "reconciliation finished",
  );
  return summary;
}

async function compareWithPortOne(
  listed: PortOnePayment[],
  summary: ReconcileSummary,
  sync: (paymentId: string) => Promise<void>,
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
      summary.unknownAtPortOne.push({ paymentId: remote.id, status: remote.status, amount: remote.amountTotal });
    } else if (status !== "REJECTED" && !inStepWithPortOne(status, remoteStateOf(remote))) {
      // (REJECTED rows are released above, by what PortOne holds, not by this comparison.)
      await sync(remote.id);
    }
  }
}
