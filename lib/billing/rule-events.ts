import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { autoChargeEvents, autoChargeRules } from "@/db/schema";
import type { Transaction } from "@/lib/points/ledger";

export type RuleEventType =
  | "created"
  | "stopped"
  | "paused"
  | "resumed"
  | "attempt"
  | "succeeded"
  | "failed"
  | "retry_scheduled"
  | "skipped_limit";

/** Appends to a rule's timeline, inside the transaction that made the change. */
export async function recordRuleEvent(
  tx: Transaction,
  event: { ruleId: string; userId: string; type: RuleEventType; paymentId?: string; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(autoChargeEvents).values(event);
}

/** Pauses every active rule charging a payment method that can no longer pay (deleted, expired). */
export async function pauseRulesOfPaymentMethod(
  tx: Transaction,
  paymentMethodId: string,
  reason: "payment_method_removed",
): Promise<void> {
  const paused = await tx
    .update(autoChargeRules)
    .set({ status: "PAUSED", pausedReason: reason, retryAt: null, updatedAt: new Date() })
    .where(and(eq(autoChargeRules.paymentMethodId, paymentMethodId), inArray(autoChargeRules.status, ["ACTIVE"])))
    .returning({ id: autoChargeRules.id, userId: autoChargeRules.userId });
  for (const rule of paused) {
    await recordRuleEvent(tx, { ruleId: rule.id, userId: rule.userId, type: "paused", detail: { reason } });
  }
}
