import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeRules, paymentMethods, payments } from "@/db/schema";
import { log } from "@/lib/observability/log";
import { syncPayment } from "@/lib/payments/sync/sync-payment";
import { payWithBillingKey } from "@/lib/portone/billing-keys";
// Billing keys and schedules are V2's alone (lib/portone/provider.ts), so their charges are pre-registered at V2.
import { preRegisterAmount } from "@/lib/portone/requests";
import type { Transaction } from "@/lib/points/ledger";
import { openAutoCharge } from "./open-charge";
import { afterAutoChargeEnded } from "./after-charge";

/**
 * Inside a spend's transaction, after its ledger entry (the balance row is locked, so a user's
 * spends are serialised): when this spend took the balance from at least the threshold to under
 * it, the user's low-balance rule opens one charge. Two spends racing across the threshold are
 * ordered by the lock, and only one of them sees the crossing.
 */
export async function openLowBalanceChargeOnSpend(
  tx: Transaction,
  userId: string,
  balance: { before: number; after: number },
): Promise<string | null> {
  const [rule] = await tx
    .select()
    .from(autoChargeRules)
    .where(
      and(
        eq(autoChargeRules.userId, userId),
        eq(autoChargeRules.kind, "low_balance"),
        eq(autoChargeRules.status, "ACTIVE"),
      ),
    );
  if (!rule?.threshold || !(balance.before >= rule.threshold && balance.after < rule.threshold)) return null;
  return openAutoCharge(tx, rule);
}

/**
 * Sends an opened automatic charge to PortOne and applies PortOne's answer through the one sync
 * every payment goes through. Safe to call from anywhere, any number of times: the first caller
 * claims the row (charge_requested_at), everyone else returns at once.
 */
export async function chargeAutoPayment(paymentId: string): Promise<void> {
  const [claimed] = await db
    .update(payments)
    .set({ chargeRequestedAt: new Date() })
    .where(and(eq(payments.id, paymentId), eq(payments.status, "PENDING"), isNull(payments.chargeRequestedAt)))
    .returning();
  if (!claimed?.autoChargeRuleId) return;
  const [source] = await db
    .select({ billingKey: paymentMethods.billingKey, methodStatus: paymentMethods.status })
    .from(autoChargeRules)
    .innerJoin(paymentMethods, eq(paymentMethods.id, autoChargeRules.paymentMethodId))
    .where(eq(autoChargeRules.id, claimed.autoChargeRuleId));

  let refused = true;
  if (source?.billingKey && source.methodStatus === "ACTIVE") {
    try {
      await preRegisterAmount(paymentId, claimed.amount, claimed.currency);
      const outcome = await payWithBillingKey({
        paymentId,
        billingKey: source.billingKey,
        channelKey: claimed.channelKey,
        orderName: claimed.orderName,
        amount: claimed.amount,
        currency: claimed.currency,
        customerId: claimed.userId,
      });
      refused = outcome.kind === "refused";
      if (outcome.kind === "paid") log.info({ paymentId, ruleId: claimed.autoChargeRuleId }, "automatic charge paid");
      else log.warn({ paymentId, outcome }, "automatic charge not paid");
    } catch (error) {
      // The pre-registration failed: PortOne never heard of the payment.
      log.error({ paymentId, err: error }, "automatic charge could not be sent");
    }
  }
  // A certain refusal ends the attempt now; an unknown outcome stays PENDING for the sweep.
  await syncPayment(paymentId, { unopenedIsOver: refused });
  await afterAutoChargeEnded(paymentId);
}

/** Runs chargeAutoPayment after the response, logging instead of throwing. */
export function chargeInBackground(paymentId: string | null | undefined): void {
  if (!paymentId) return;
  chargeAutoPayment(paymentId).catch((error: unknown) =>
    log.error({ paymentId, err: error }, "automatic charge failed; the sweep retries it"),
  );
}
