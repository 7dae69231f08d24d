import "server-only";
import { moneyCode } from "@/lib/money/currencies";
import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { payments, refunds } from "@/db/schema";
import { env } from "@/lib/env";
import type { PortOnePayment } from "@/lib/portone/payments";
import { paymentProvider } from "@/lib/portone/select-provider";
import { deliverMailSoon } from "@/lib/mail/delivery";
import { queueReceipt } from "@/lib/mail/receipt";
import { appendLedgerEntry } from "@/lib/points/ledger";
import { takeBackOutsideCancellations } from "./outside-cancellations";
import { releaseRejectedPayment } from "./release-rejected";
import { nextState, remoteStateOf, type PaymentStatus } from "./transitions";
import { verificationProblem } from "./verify";
import { log } from "@/lib/observability/log";

/** The one refusal: we have no payment of that id. */
export type SyncRefusal = "not_found";

export type SyncResult =
  { ok: true; status: PaymentStatus; previousStatus: PaymentStatus; userId: string } | { ok: false; code: SyncRefusal };

const requireLiveChannel = paymentProvider.usesRealApi && !env.PORTONE_ALLOW_TEST_CHANNELS;

// PortOne's record is checked against our order once money or an account is involved: before
// that its fields may be absent.
const CHECKED_STATUSES: readonly PortOnePayment["status"][] = [
  "VIRTUAL_ACCOUNT_ISSUED",
  "PAID",
  "PARTIAL_CANCELLED",
  "CANCELLED",
];

/**
 * Brings our payment row in line with PortOne. Idempotent, and safe to run concurrently from the
 * browser, the redirect page, the webhook and the reconciler: PortOne is asked first (never the
 * caller), then the row is locked, `nextState` decides, and the move, the credit and the points
 * taken back for cancellations commit together.
 */
export async function syncPayment(
  paymentId: string,
  /** See SyncFacts. */
  context: { abandoned?: boolean; unopenedIsOver?: boolean } = {},
): Promise<SyncResult> {
  const remote = await paymentProvider.fetchPayment(paymentId);

  const outcome = await db.transaction(async (tx) => {
    // Sent together, but run in order: the refunds are read once the row's lock is held (a
    // statement of its own sees what the transaction we waited for committed).
    const [[row], recorded] = await Promise.all([
      tx.select().from(payments).where(eq(payments.id, paymentId)).for("update"),
      tx.select({ status: refunds.status }).from(refunds).where(eq(refunds.paymentId, paymentId)),
    ]);
    if (!row) return null;

    const problem =
      remote && CHECKED_STATUSES.includes(remote.status)
        ? verificationProblem(remote, {
            storeId: paymentProvider.storeId,
            channelKey: row.channelKey,
            amount: row.amount,
            currency: row.currency,
            requireLiveChannel,
          })
        : null;
    const transition = nextState(row.status, remote && remoteStateOf(remote), {
      failedCheck: problem !== null,
      abandoned: context.abandoned,
      unopenedIsOver: context.unopenedIsOver,
      refundInFlight: recorded.some((refund) => refund.status === "REQUESTED"),
    });

    // The row's update and the credit touch different rows: sent together, they cost one round trip.
    const writes: Promise<unknown>[] = [];
    if (transition.status !== row.status) {
      writes.push(
        tx
          .update(payments)
          .set({ status: transition.status, updatedAt: new Date(), ...recordedDetails(remote, transition, problem) })
          .where(eq(payments.id, paymentId)),
      );
    } else if (remote?.cashReceipt && !isDeepStrictEqual(remote.cashReceipt, row.cashReceipt)) {
      // The PG may issue or cancel the receipt apart from a change of the payment's state.
      writes.push(
        tx
          .update(payments)
          .set({ cashReceipt: remote.cashReceipt, updatedAt: new Date() })
          .where(eq(payments.id, paymentId)),
      );
    }
    if (transition.credit) {
      writes.push(
        appendLedgerEntry(tx, {
          userId: row.userId,
          kind: "charge",
          reference: paymentId,
          paidDelta: row.paidPoints,
          bonusDelta: row.bonusPoints,
          // What was paid for them: the ledger names the money in its currency.
          memo: moneyCode(row.amount, row.currency),
        }),
      );
    }
    // The receipt is queued with the credit, so it commits or rolls back with it. A charge credited
    // and taken back at once (cancelled at PortOne before we synced) gets none.
    const receipt = transition.credit && transition.status === "PAID";
    if (receipt) writes.push(queueReceipt(tx, { ...row, paidAt: remote?.paidAt ?? new Date() }));
    await Promise.all(writes);
    const outsideCancellations =
      transition.takeBackCancellations && remote ? await takeBackOutsideCancellations(tx, row, remote) : [];
    return {
      problem,
      outsideCancellations,
      credited: transition.credit ? { paidPoints: row.paidPoints, bonusPoints: row.bonusPoints } : null,
      status: transition.status,
      previousStatus: row.status,
      userId: row.userId,
      released: row.releasedAt !== null,
      receipt,
    };
  });
  // After the commit, so delivery finds the row; never awaited, so mail cannot slow or fail a sync.
  if (outcome?.receipt) deliverMailSoon();

  if (!outcome) {
    log.info({ paymentId }, "payment sync: no such payment");
    return { ok: false, code: "not_found" };
  }
  if (outcome.problem) log.warn({ paymentId, problem: outcome.problem }, "payment failed verification");
  for (const cancellation of outcome.outsideCancellations) {
    log.warn({ paymentId, ...cancellation }, "cancellation made outside the app: points taken back");
  }
  if (outcome.status !== outcome.previousStatus) {
    log.info(
      {
        paymentId,
        from: outcome.previousStatus,
        to: outcome.status,
        portoneStatus: remote?.status ?? null,
        ...outcome.credited,
      },
      "payment status changed",
    );
  }
  if (outcome.status === "REJECTED" && !outcome.released) {
    // Reconciliation retries until PortOne confirms; the caller still learns the verdict now.
    await releaseRejectedPayment(paymentId, remote).catch((error: unknown) =>
      log.error({ paymentId, err: error }, "releasing a rejected payment failed"),
    );
  }
  return { ok: true, status: outcome.status, previousStatus: outcome.previousStatus, userId: outcome.userId };
}

function recordedDetails(
  remote: PortOnePayment | null,
  transition: { status: PaymentStatus; credit: boolean },
  problem: string | null,
) {
  if (!remote) return {};
  return {
    transactionId: remote.transactionId || null,
    channelType: remote.channelType,
    pgProvider: remote.pgProvider,
    methodDetails: remote.methodDetails,
    receiptUrl: remote.receiptUrl,
    ...(remote.cashReceipt ? { cashReceipt: remote.cashReceipt } : {}),
    ...(remote.virtualAccount ? { virtualAccount: remote.virtualAccount } : {}),
    ...(transition.credit ? { paidAt: remote.paidAt ?? new Date() } : {}),
    ...(transition.status === "FAILED" || transition.status === "EXPIRED"
      ? { failureReason: remote.failureReason }
      : {}),
    ...(problem ? { failureReason: `검증 실패: ${problem}` } : {}),
  };
}
