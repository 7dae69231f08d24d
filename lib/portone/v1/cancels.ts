import "server-only";
import { env } from "@/lib/env";
import type { RefundCancelInput, RefundCancelOutcome } from "../provider";
import { PortOneV1Error, type PortOneV1Client } from "./client";
import { toMajorUnits, toMinorUnits } from "./amounts";
import { standardCodeOfBank } from "./codes";
import { findAttempt } from "./lookups";
import { cancellationIdOf, type V1Payment } from "./payment";

// The refusal the refund code knows as "the amount changed meanwhile" (as V2 names it): V1 says it
// only in words, so it is told by reading what V1 now holds.
const STALE_AMOUNT = "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN";

/** What V1 still holds of an attempt, in minor units. */
const cancellableOf = (payment: V1Payment) =>
  payment.status === "paid" ? toMinorUnits(payment.amount - payment.cancel_amount, payment.currency) : 0;

const cancel = (client: PortOneV1Client, paymentId: string, body: Record<string, unknown>) =>
  client.write<V1Payment>("cancelPayment", "/payments/cancel", body, {
    paymentId,
    timeoutMs: env.PORTONE_CANCEL_TIMEOUT_MS,
  });

/** A definite no from V1 (not a 5xx, not a timeout): nothing was cancelled. */
const isRefusal = (error: unknown): error is PortOneV1Error => error instanceof PortOneV1Error && !error.transient;

/**
 * Cancels what V1 still holds of a payment we refuse. The checksum is what V1 itself just said
 * it holds, so a cancellation made meanwhile stops this one rather than being doubled.
 */
export async function cancelRejectedV1Payment(client: PortOneV1Client, paymentId: string, reason: string) {
  const attempt = await findAttempt(client, paymentId);
  if (!attempt || attempt.status !== "paid") return;
  const checksum = attempt.amount - attempt.cancel_amount;
  await cancel(client, paymentId, { imp_uid: attempt.imp_uid, checksum, reason });
}

/**
 * Closes an account still waiting for its deposit: V1 cancels a `ready` virtual account. A
 * deposit that arrived first makes the attempt paid, which this never cancels (no refund account,
 * and checksum 0 says nothing is to be paid back), so the sync credits it instead.
 */
export async function closeV1VirtualAccount(client: PortOneV1Client, paymentId: string) {
  const attempt = await findAttempt(client, paymentId);
  if (!attempt || attempt.status !== "ready" || attempt.pay_method !== "vbank") return;
  try {
    await cancel(client, paymentId, { imp_uid: attempt.imp_uid, checksum: 0, reason: "가상계좌 입금 취소" });
  } catch (error) {
    // Closed or paid just before: no longer waiting for a deposit, as V2 answers it.
    if (!isRefusal(error)) throw error;
  }
}

/**
 * A refund: V1 cancels `amount` only if what it holds is still `currentCancellableAmount`
 * (checksum). V1's cancel is finished when it answers, so a success is final; the new entry of
 * cancel_history is ours. A virtual-account payment goes back to the customer's own account.
 */
export async function cancelV1ForRefund(
  client: PortOneV1Client,
  input: RefundCancelInput,
): Promise<RefundCancelOutcome> {
  // Until the cancel is sent nothing can have been cancelled: a failed lookup is a certain no.
  const attempt = await findAttempt(client, input.paymentId).catch(() => undefined);
  if (!attempt) return { kind: "refused", reason: "PortOne V1 결제 건을 조회하지 못했습니다." };
  if (attempt.status !== "paid") return { kind: "refused", reason: "PAYMENT_NOT_PAID" };
  const { currency } = attempt;
  const account = input.refundAccount;
  const body = {
    imp_uid: attempt.imp_uid,
    amount: toMajorUnits(input.amount, currency),
    checksum: toMajorUnits(input.currentCancellableAmount, currency),
    reason: input.reason,
    ...(account && {
      refund_holder: account.holderName,
      refund_bank: standardCodeOfBank(account.bank) ?? account.bank,
      refund_account: account.number,
    }),
  };
  try {
    const after = await cancel(client, input.paymentId, body);
    const history = after.cancel_history ?? [];
    return { kind: "succeeded", cancellationId: cancellationIdOf(after, history.length - 1) };
  } catch (error) {
    if (!isRefusal(error)) return { kind: "unknown", reason: error instanceof Error ? error.message : String(error) };
    const now = await findAttempt(client, input.paymentId).catch(() => undefined);
    const stale = now !== undefined && cancellableOf(now) !== input.currentCancellableAmount;
    return { kind: "refused", reason: stale ? STALE_AMOUNT : error.v1Message };
  }
}

/** Pre-registers the amount of our payment (merchant_uid): a V1 window opened with another amount is refused. */
export async function prepareV1Amount(
  client: PortOneV1Client,
  paymentId: string,
  totalAmount: number,
  currency: string,
) {
  await client.write(
    "preparePayment",
    "/payments/prepare",
    {
      merchant_uid: paymentId,
      amount: toMajorUnits(totalAmount, currency),
      currency,
    },
    { paymentId },
  );
}
