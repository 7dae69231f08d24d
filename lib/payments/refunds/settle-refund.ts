import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { refunds } from "@/db/schema";
import { paymentProvider } from "@/lib/portone/select-provider";
import { PG_REFUSED_CANCEL } from "@/lib/portone/requests";
import { appendLedgerEntry } from "@/lib/points/ledger";
import { syncPayment } from "../sync/sync-payment";
import { log } from "@/lib/observability/log";

export type RefundSettlement = "completed" | "rolled_back" | "still_pending";

type Outcome = { kind: "succeeded"; cancellationId: string } | { kind: "refused"; reason: string };

/** Keeps the id PortOne gave a cancellation it carries out later, so how it ended can be read exactly. */
export async function noteRequestedCancellation(refundId: string, cancellationId: string): Promise<void> {
  await db
    .update(refunds)
    .set({ cancellationId, updatedAt: new Date() })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, "REQUESTED")));
}

/**
 * Settles a REQUESTED refund from what PortOne shows now.
 * - PortOne accepted its cancellation to carry out later: that cancellation's status decides
 *   (succeeded completes the refund, failed gives the points back, requested waits).
 * - The cancel call's answer was lost (timeout, 5xx): a completed cancellation of the refund's
 *   amount that nothing else accounts for completes it, one in progress leaves it waiting, and none
 *   at all means PortOne never cancelled, so the points come back. That last verdict needs
 *   `mayConcludeNone`: only once the call is too old to still be on its way (the reconciler's
 *   stale window), never from a webhook that may overtake it.
 */
export async function settleRefundFromPortOne(
  refundId: string,
  { mayConcludeNone = true } = {},
): Promise<RefundSettlement> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund || refund.status !== "REQUESTED") return "still_pending";
  const remote = await paymentProvider.fetchPayment(refund.paymentId);

  if (refund.cancellationId) {
    const status = remote?.cancellationStatuses[refund.cancellationId];
    if (status === "SUCCEEDED") {
      await settleRefund(refundId, { kind: "succeeded", cancellationId: refund.cancellationId });
      return "completed";
    }
    if (status === "FAILED") {
      await settleRefund(refundId, { kind: "refused", reason: PG_REFUSED_CANCEL });
      return "rolled_back";
    }
    return "still_pending";
  }

  // Every cancellation already recorded (ours, or one made outside the app) is someone else's.
  const accounted = new Set(
    (await db.select({ id: refunds.cancellationId }).from(refunds).where(eq(refunds.paymentId, refund.paymentId))).map(
      (row) => row.id,
    ),
  );
  const match = remote?.cancellations.find(
    (cancellation) => cancellation.amount === refund.amount && !accounted.has(cancellation.id),
  );
  if (match) {
    await settleRefund(refundId, { kind: "succeeded", cancellationId: match.id });
    return "completed";
  }
  if (remote?.cancellationInProgress || !mayConcludeNone) return "still_pending";
  await settleRefund(refundId, { kind: "refused", reason: "PortOne에 해당 취소 기록이 없습니다." });
  return "rolled_back";
}

/** PortOne reported a change of the payment: its requested refunds may have ended. */
export async function settleRequestedRefunds(paymentId: string): Promise<void> {
  const requested = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), eq(refunds.status, "REQUESTED")));
  for (const { id } of requested) await settleRefundFromPortOne(id, { mayConcludeNone: false });
}

/** Completes or rolls back a requested refund, once; a refund already settled is left alone. */
export async function settleRefund(refundId: string, outcome: Outcome): Promise<void> {
  let paymentId: string | undefined;
  let settled: { paymentId: string; amount: number } | undefined;
  await db.transaction(async (tx) => {
    const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
    if (!refund || refund.status !== "REQUESTED") return;
    settled = { paymentId: refund.paymentId, amount: refund.amount };
    if (outcome.kind === "refused") {
      await tx
        .update(refunds)
        .set({ status: "FAILED", failureReason: outcome.reason, updatedAt: new Date() })
        .where(eq(refunds.id, refundId));
      await appendLedgerEntry(tx, {
        userId: refund.userId,
        kind: "refund",
        reference: `${refundId}:reversal`,
        paidDelta: refund.paidPoints,
        bonusDelta: refund.bonusPoints,
        memo: "환불 실패로 포인트 복구",
        lots: { restores: { kind: "refund", reference: refundId } },
      });
      return;
    }
    await tx
      .update(refunds)
      .set({ status: "COMPLETED", cancellationId: outcome.cancellationId, updatedAt: new Date() })
      .where(eq(refunds.id, refundId));
    paymentId = refund.paymentId;
  });
  if (settled) {
    log.info(
      {
        ...settled,
        refundId,
        outcome: outcome.kind === "refused" ? "rolled_back" : "completed",
        ...(outcome.kind === "refused" ? { reason: outcome.reason } : { cancellationId: outcome.cancellationId }),
      },
      "refund settled",
    );
  }
  if (!paymentId) return;
  // The payment's state follows PortOne's cancellations, moved by syncPayment like every other
  // change; if that fails now, reconciliation finds PortOne's cancellation and moves it later.
  await syncPayment(paymentId).catch((error: unknown) =>
    log.warn({ paymentId, refundId, err: error }, "payment sync after a refund failed"),
  );
}
