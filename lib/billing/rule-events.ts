import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { autoChargeEvents, autoChargeRules } from "@/db/schema";
import { env } from "@/lib/env";
import { queueNotice } from "@/lib/mail/notice";
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

export type PauseReason = "declined" | "payment_method_removed";

const PAUSE_NOTICES: Record<PauseReason, string> = {
  declined:
    "등록한 결제 수단으로 자동 충전 결제가 여러 번 거절되어 자동 충전을 멈췄습니다. 결제 수단을 확인한 뒤 다시 설정해 주세요.",
  payment_method_removed:
    "자동 충전에 쓰던 결제 수단이 삭제되어 자동 충전을 멈췄습니다. 결제 수단을 새로 등록한 뒤 다시 설정해 주세요.",
};

/**
 * Records a rule's pause and queues the e-mail that tells its user (with the pause, so it is sent
 * once it commits; deliverMailSoon after the commit, or reconciliation, sends it). The pages say
 * it too, on the user's next visit.
 */
export async function recordPause(
  tx: Transaction,
  rule: { id: string; userId: string },
  reason: PauseReason,
): Promise<void> {
  await recordRuleEvent(tx, { ruleId: rule.id, userId: rule.userId, type: "paused", detail: { reason } });
  await queueNotice(tx, {
    userId: rule.userId,
    key: `auto-charge-paused:${rule.id}:${Date.now()}`,
    subject: "[PointCharge] 자동 충전이 멈췄습니다",
    text: `${PAUSE_NOTICES[reason]}\n\n${new URL("/account/payment-methods", env.APP_URL).toString()}`,
  });
}

/** Pauses every active rule charging a payment method that can no longer pay (deleted, expired). */
export async function pauseRulesOfPaymentMethod(
  tx: Transaction,
  paymentMethodId: string,
  reason: PauseReason,
): Promise<boolean> {
  const paused = await tx
    .update(autoChargeRules)
    .set({ status: "PAUSED", pausedReason: reason, retryAt: null, updatedAt: new Date() })
    .where(and(eq(autoChargeRules.paymentMethodId, paymentMethodId), inArray(autoChargeRules.status, ["ACTIVE"])))
    .returning({ id: autoChargeRules.id, userId: autoChargeRules.userId });
  for (const rule of paused) await recordPause(tx, rule, reason);
  return paused.length > 0;
}
