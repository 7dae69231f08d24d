import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { payments } from "@/db/schema";
import { env } from "@/lib/env";
import { usesRealPortOne } from "@/lib/env-schema";
import { fetchPortOnePayment, type PortOnePayment } from "@/lib/portone/payments";
import { cancelRejectedPayment, closeVirtualAccount } from "@/lib/portone/requests";
import { appendLedgerEntry } from "@/lib/points/ledger";
import { applyOutsideCancellations } from "./outside-cancellations";
import { nextState, type PaymentStatus, type SyncContext } from "./transitions";
import { verificationProblem } from "./verify";

export type SyncResult = { found: false } | { found: true; status: PaymentStatus; previousStatus: PaymentStatus; userId: string };

const requireLiveChannel = usesRealPortOne(env) && !env.PORTONE_ALLOW_TEST_CHANNELS;

/**
 * Brings our payment row in line with PortOne. Idempotent, and safe to run concurrently from the
 * browser, the redirect page, the webhook and the reconciler: PortOne is asked first (never the
 * caller), then the row is locked and moved at most once, with the points credited in the same
 * transaction as the move to PAID.
 */
export async function syncPayment(paymentId: string, context: SyncContext = {}): Promise<SyncResult> {
  const remote = await fetchPortOnePayment(paymentId);

  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
    if (!row) return null;

    const problem =
      remote && ["VIRTUAL_ACCOUNT_ISSUED", "PAID", "PARTIAL_CANCELLED", "CANCELLED"].includes(remote.status)
        ? verificationProblem(remote, {
            storeId: env.PORTONE_STORE_ID,
            channelKey: row.channelKey,
            amount: row.amount,
            currency: row.currency,
            requireLiveChannel,
          })
        : null;
    const afterCancellations = remote && !problem ? await applyOutsideCancellations(tx, row, remote) : null;
    const next =
      afterCancellations ?? nextState(row.status, remote && { status: remote.status, accountExpired: isExpired(remote) }, problem !== null, context);

    if (next !== row.status) {
      await tx
        .update(payments)
        .set({ status: next, updatedAt: new Date(), ...recordedDetails(remote, next, problem) })
        .where(eq(payments.id, paymentId));
      if (next === "PAID") {
        await appendLedgerEntry(tx, {
          userId: row.userId,
          kind: "charge",
          reference: paymentId,
          paidDelta: row.paidPoints,
          bonusDelta: row.bonusPoints,
        });
      }
    }
    return { status: next, previousStatus: row.status, userId: row.userId };
  });

  if (!outcome) return { found: false };
  if (outcome.status === "REJECTED" && remote) await undoAtPortOne(paymentId, remote);
  return { found: true, ...outcome };
}

function isExpired(remote: PortOnePayment): boolean {
  const dueAt = remote.virtualAccount?.dueAt;
  return remote.status === "VIRTUAL_ACCOUNT_ISSUED" && dueAt !== null && dueAt !== undefined && Date.parse(dueAt) <= Date.now();
}

function recordedDetails(remote: PortOnePayment | null, next: PaymentStatus, problem: string | null) {
  if (!remote) return {};
  return {
    transactionId: remote.transactionId || null,
    channelType: remote.channelType,
    pgProvider: remote.pgProvider,
    methodSummary: remote.methodSummary,
    receiptUrl: remote.receiptUrl,
    ...(remote.virtualAccount ? { virtualAccount: remote.virtualAccount } : {}),
    ...(next === "PAID" ? { paidAt: remote.paidAt ?? new Date() } : {}),
    ...(next === "FAILED" || next === "EXPIRED" ? { failureReason: remote.failureReason } : {}),
    ...(problem ? { failureReason: `검증 실패: ${problem}` } : {}),
  };
}

/** A refused payment must not keep the customer's money: cancel it (or close the account). */
async function undoAtPortOne(paymentId: string, remote: PortOnePayment): Promise<void> {
  if (remote.status === "PAID" || remote.status === "PARTIAL_CANCELLED") {
    await cancelRejectedPayment(paymentId, "결제 검증 실패로 자동 취소되었습니다.");
  } else if (remote.status === "VIRTUAL_ACCOUNT_ISSUED") {
    await closeVirtualAccount(paymentId);
  }
}
