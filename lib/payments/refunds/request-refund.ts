import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { payments, refunds } from "@/db/schema";
import { paymentProvider } from "@/lib/portone/select-provider";
import { appendLedgerEntry, lockBalance, type Transaction } from "@/lib/points/ledger";
import { getBalance } from "@/lib/points/balance";
import type { RefundAccount } from "./refund-account";
import { payOptionDefinition } from "../catalog/pay-option-table";
import { syncPayment } from "../sync/sync-payment";
import { noteRequestedCancellation, settleRefund } from "./settle-refund";
import { quoteRefund, type RefundQuote, type RefundRefusal } from "./refund-quote";
import { moneyCode } from "@/lib/money/currencies";
import { log } from "@/lib/observability/log";

export type RequestRefundRefusal =
  RefundRefusal | "not_found" | "refused_by_portone" | "needs_refund_account" | "amount_changed";

export type RefundResult =
  | { ok: true; status: "COMPLETED" | "REQUESTED"; quote: RefundQuote; currency: string }
  | { ok: false; code: RequestRefundRefusal };

// A payment whose money cannot go back by itself (a virtual-account deposit): the customer names a bank account.
export const needsRefundAccount = (payment: { payOption: string }) =>
  payOptionDefinition(payment.payOption)?.refundNeedsAccount ?? false;

// PortOne's answers when the amount we believe cancellable is not what it holds: a cancellation
// we have not heard of yet (made in its console a moment ago) is the usual reason.
const STALE_AMOUNT_REFUSALS = new Set([
  "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN",
  "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT",
]);

/** Of this payment, what went back so far: our refunds (settled or in flight) and cancellations made outside the app. */
async function refundedSoFar(executor: Transaction | typeof db, paymentId: string) {
  const [row] = await executor
    .select({
      amount: sql<number>`coalesce(sum(${refunds.amount}), 0)::int`,
      paidPoints: sql<number>`coalesce(sum(${refunds.paidPoints}), 0)::int`,
      bonusPoints: sql<number>`coalesce(sum(${refunds.bonusPoints}), 0)::int`,
      completedAmount: sql<number>`coalesce(sum(${refunds.amount}) filter (where ${refunds.status} = 'COMPLETED'), 0)::int`,
      inFlight: sql<boolean>`coalesce(bool_or(${refunds.status} = 'REQUESTED'), false)`,
    })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), sql`${refunds.status} <> 'FAILED'`));
  return row ?? { amount: 0, paidPoints: 0, bonusPoints: 0, completedAmount: 0, inFlight: false };
}

/** The owner's refunds of a payment (and cancellations made at PortOne), newest first, for its detail page. */
export async function listRefunds(userId: string, paymentId: string) {
  return db
    .select({
      id: refunds.id,
      amount: refunds.amount,
      currency: refunds.currency,
      status: refunds.status,
      origin: refunds.origin,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), eq(refunds.userId, userId)))
    .orderBy(desc(refunds.createdAt));
}

/** What refunding this payment now would give back, for the confirmation screen. */
export async function previewRefund(userId: string, paymentId: string) {
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.userId, userId)));
  if (!payment) return null;
  const [refunded, balance] = await Promise.all([refundedSoFar(db, paymentId), getBalance(userId)]);
  return quoteRefund({ ...payment, now: new Date(), refunded, balance });
}

/**
 * Refunds the unspent part of a charge. The points are taken back and the refund recorded in one
 * transaction (so they cannot be spent meanwhile); then PortOne cancels that amount, guarded by
 * `currentCancellableAmount`. Refused: the points come back. Unknown outcome (timeout, 5xx):
 * the refund stays REQUESTED for reconciliation, and the points stay reserved.
 * `confirmedAmount` is the amount the user saw and agreed to: if a spend or another refund changed
 * the quote meanwhile, nothing happens and the user is asked to look again.
 */
export async function requestRefund(
  userId: string,
  paymentId: string,
  { confirmedAmount, refundAccount }: { confirmedAmount: number; refundAccount?: RefundAccount },
): Promise<RefundResult> {
  const reserved = await db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, paymentId), eq(payments.userId, userId)))
      .for("update");
    if (!payment) return { ok: false as const, code: "not_found" as const };
    if (needsRefundAccount(payment) && !refundAccount)
      return { ok: false as const, code: "needs_refund_account" as const };
    const balance = await lockBalance(tx, userId);
    const refunded = await refundedSoFar(tx, paymentId);
    const quoted = quoteRefund({ ...payment, now: new Date(), refunded, balance });
    if (!quoted.ok) return quoted;
    if (quoted.quote.amount !== confirmedAmount) return { ok: false as const, code: "amount_changed" as const };

    const [refund] = await tx
      .insert(refunds)
      .values({ paymentId, userId, currency: payment.currency, ...quoted.quote })
      .returning({ id: refunds.id });
    await appendLedgerEntry(tx, {
      userId,
      kind: "refund",
      reference: refund!.id,
      paidDelta: -quoted.quote.paidPoints,
      bonusDelta: -quoted.quote.bonusPoints,
      memo: `환불 ${paymentId} · ${moneyCode(quoted.quote.amount, payment.currency)}`,
      lots: { takesBackFrom: { kind: "charge", reference: paymentId } },
    });
    return {
      ok: true as const,
      refundId: refund!.id,
      quote: quoted.quote,
      currency: payment.currency,
      cancellable: payment.amount - refunded.completedAmount,
    };
  });
  if (!reserved.ok) return reserved;
  log.info(
    { paymentId, refundId: reserved.refundId, amount: reserved.quote.amount, paidPoints: reserved.quote.paidPoints },
    "refund requested; points reserved",
  );

  const outcome = await paymentProvider.cancelForRefund({
    paymentId,
    amount: reserved.quote.amount,
    currentCancellableAmount: reserved.cancellable,
    reason: "고객 요청 환불 (미사용 포인트)",
    refundAccount,
  });
  if (outcome.kind === "requested") {
    log.info(
      { paymentId, refundId: reserved.refundId, cancellationId: outcome.cancellationId },
      "refund accepted by PortOne; the PG carries it out later",
    );
    // PortOne's webhook (or reconciliation) settles it by this id once the PG has answered.
    await noteRequestedCancellation(reserved.refundId, outcome.cancellationId);
    return { ok: true, status: "REQUESTED", quote: reserved.quote, currency: reserved.currency };
  }
  if (outcome.kind === "unknown") {
    log.warn(
      { paymentId, refundId: reserved.refundId, reason: outcome.reason },
      "refund outcome unknown; left for reconciliation",
    );
    return { ok: true, status: "REQUESTED", quote: reserved.quote, currency: reserved.currency };
  }
  await settleRefund(reserved.refundId, outcome);
  if (outcome.kind === "succeeded")
    return { ok: true, status: "COMPLETED", quote: reserved.quote, currency: reserved.currency };
  if (STALE_AMOUNT_REFUSALS.has(outcome.reason)) {
    // Learn what PortOne gave back meanwhile; the page then shows the new quote to confirm.
    await syncPayment(paymentId).catch((error: unknown) =>
      log.warn({ paymentId, refundId: reserved.refundId, err: error }, "payment sync after a refused refund failed"),
    );
    return { ok: false, code: "amount_changed" };
  }
  return { ok: false, code: "refused_by_portone" };
}
