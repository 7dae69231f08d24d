import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { autoChargeEvents, autoChargeRules } from "@/db/schema";
import { env } from "@/lib/env";
import { translatorOf } from "@/lib/i18n/translator";
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

/**
 * Records a rule's pause and queues the e-mail that tells its user, in their language (with the
 * pause, so it is sent once it commits; deliverMailSoon after the commit, or reconciliation,
 * sends it). The pages say it too, on the user's next visit.
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
    compose: (locale) => {
      const t = translatorOf(locale, "autoChargePausedMail");
      return {
        subject: t("subject"),
        text: `${t(reason)}\n\n${new URL("/account/payment-methods", env.APP_URL).toString()}`,
      };
    },
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
