import "server-only";
import { CreatePaymentScheduleError, RevokePaymentSchedulesError } from "@portone/server-sdk/payment/paymentSchedule";
import { portoneWrite } from "./call";
import { portone } from "./client";
import { billingKeyPayment, type BillingKeyPaymentInput } from "./billing-keys";

export type ScheduleOutcome =
  | { kind: "scheduled"; scheduleId: string }
  /** PortOne refused: no schedule exists (the key was deleted, the id is taken). */
  | { kind: "refused"; type: string }
  /** No answer that says: the schedule may exist; the payment's state is looked up after its time. */
  | { kind: "unknown" };

// The refusals after which PortOne certainly keeps no schedule for this payment.
const DEFINITE_REFUSALS = new Set([
  "INVALID_REQUEST",
  "BILLING_KEY_NOT_FOUND",
  "BILLING_KEY_ALREADY_DELETED",
  "ALREADY_PAID_OR_WAITING",
  "PAYMENT_SCHEDULE_ALREADY_EXISTS",
  "SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT",
  "FORBIDDEN",
  "UNAUTHORIZED",
]);

/** Asks PortOne to charge the billing key at `timeToPay` (its payment schedule), once. */
export async function schedulePayment(input: BillingKeyPaymentInput & { timeToPay: Date }): Promise<ScheduleOutcome> {
  try {
    const { schedule } = await portoneWrite({ operation: "createPaymentSchedule", paymentId: input.paymentId }, () =>
      portone.paymentSchedule.createPaymentSchedule({
        paymentId: input.paymentId,
        timeToPay: input.timeToPay.toISOString(),
        payment: billingKeyPayment(input),
      }),
    );
    return { kind: "scheduled", scheduleId: schedule.id };
  } catch (error) {
    const type = error instanceof CreatePaymentScheduleError ? String(error.data.type) : "";
    return DEFINITE_REFUSALS.has(type) ? { kind: "refused", type } : { kind: "unknown" };
  }
}

/**
 * Revokes schedules still waiting (by id, or every one of a billing key). Ones already revoked,
 * already run or unknown count as done; anything else throws, so the caller does not go on as if
 * nothing could be charged any more.
 */
export async function revokeSchedules(target: { scheduleIds: string[] } | { billingKey: string }): Promise<void> {
  if ("scheduleIds" in target && target.scheduleIds.length === 0) return;
  try {
    await portoneWrite({ operation: "revokePaymentSchedules" }, () =>
      portone.paymentSchedule.revokePaymentSchedules(target),
    );
  } catch (error) {
    const type = error instanceof RevokePaymentSchedulesError ? String(error.data.type) : "";
    const done = [
      "PAYMENT_SCHEDULE_NOT_FOUND",
      "PAYMENT_SCHEDULE_ALREADY_REVOKED",
      "PAYMENT_SCHEDULE_ALREADY_PROCESSED",
      "BILLING_KEY_NOT_FOUND",
      "BILLING_KEY_ALREADY_DELETED",
    ];
    if (!done.includes(type)) throw error;
  }
}
