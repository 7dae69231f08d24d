import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeEvents, autoChargeRules, payments } from "@/db/schema";
import { log } from "@/lib/observability/log";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";
import { recordPause, recordRuleEvent } from "./rule-events";

/**
 * When a declined automatic charge is tried again, counted from its failure: three retries, then
 * the rule pauses until the user acts (README "Automatic charges").
 */
export const RETRY_DELAYS_MINUTES = [60, 6 * 60, 24 * 60] as const;

/**
 * Counts a finished automatic charge against its rule, once: a success clears the failures, a
 * failure schedules the next retry or, after the last, pauses the rule. Called after the charge,
 * by the webhook and by the sweep; the unique outcome event makes every call after the first a no-op.
 * Returns the monthly rule whose next month is now to be scheduled (after a success), if any.
 */
export async function settleAutoCharge(
  paymentId: string,
  now = new Date(),
): Promise<{ scheduleNext?: string; notified?: boolean }> {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select({ status: payments.status, ruleId: payments.autoChargeRuleId, userId: payments.userId })
      .from(payments)
      .where(eq(payments.id, paymentId));
    if (!payment?.ruleId || OPEN_STATUSES.includes(payment.status)) return {};
    const succeeded = CREDITED_STATUSES.includes(payment.status);
    const recorded = await tx
      .insert(autoChargeEvents)
      .values({
        ruleId: payment.ruleId,
        userId: payment.userId,
        type: succeeded ? "succeeded" : "failed",
        paymentId,
        detail: { status: payment.status },
      })
      .onConflictDoNothing()
      .returning({ id: autoChargeEvents.id });
    if (recorded.length === 0) return {};

    const [rule] = await tx.select().from(autoChargeRules).where(eq(autoChargeRules.id, payment.ruleId)).for("update");
    if (!rule || rule.status !== "ACTIVE") return {};
    const ruleId = rule.id;
    const where = and(eq(autoChargeRules.id, ruleId), eq(autoChargeRules.status, "ACTIVE"));
    if (succeeded) {
      await tx.update(autoChargeRules).set({ failedAttempts: 0, retryAt: null, updatedAt: now }).where(where);
      return rule.kind === "monthly" ? { scheduleNext: ruleId } : {};
    }
    const failedAttempts = rule.failedAttempts + 1;
    const delay = RETRY_DELAYS_MINUTES[failedAttempts - 1];
    if (delay === undefined) {
      await tx
        .update(autoChargeRules)
        .set({ status: "PAUSED", pausedReason: "declined", failedAttempts, retryAt: null, updatedAt: now })
        .where(where);
      await recordPause(tx, rule, "declined");
      log.warn({ ruleId, paymentId, failedAttempts }, "automatic charge failed again: rule paused");
      return { notified: true };
    }
    const retryAt = new Date(now.getTime() + delay * 60_000);
    await tx.update(autoChargeRules).set({ failedAttempts, retryAt, updatedAt: now }).where(where);
    await recordRuleEvent(tx, {
      ruleId,
      userId: rule.userId,
      type: "retry_scheduled",
      paymentId,
      detail: { retryAt: retryAt.toISOString(), failedAttempts },
    });
    log.info({ ruleId, paymentId, failedAttempts, retryAt }, "automatic charge failed: retry scheduled");
    return {};
  });
}
