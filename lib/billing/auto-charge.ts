import "server-only";
import { and, count, eq, gte, isNull, notInArray } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeRules, paymentMethods, payments } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { newPaymentId } from "@/lib/payments/checkout/create-checkout";
import { findPackage, orderNameOf, packageCurrency } from "@/lib/payments/catalog/packages";
import { syncPayment } from "@/lib/payments/sync/sync-payment";
import { payWithBillingKey } from "@/lib/portone/billing-keys";
import { preRegisterAmount } from "@/lib/portone/requests";
import type { Transaction } from "@/lib/points/ledger";
import { recordRuleEvent } from "./rule-events";
import { settleAutoCharge } from "./settle-auto-charge";

type Rule = typeof autoChargeRules.$inferSelect;

// Attempts that end without money (declined, expired card, PortOne unreachable) do not count
// against the monthly limit; retries of them are not new charges.
const NOT_CHARGED = ["FAILED", "EXPIRED", "REJECTED"] as const;

/** The first instant of the current month in Korea (the limit's month is the buyer's month). */
export function koreanMonthStart(now: Date): Date {
  const kst = new Date(now.getTime() + 9 * 3_600_000);
  return new Date(Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth(), 1) - 9 * 3_600_000);
}

async function chargesThisMonth(tx: Transaction, ruleId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(payments)
    .where(
      and(
        eq(payments.autoChargeRuleId, ruleId),
        gte(payments.createdAt, koreanMonthStart(now)),
        notInArray(payments.status, [...NOT_CHARGED]),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Writes the PENDING payment of one automatic charge of `rule`, in the caller's transaction (the
 * spend that crossed the threshold, or a due retry): if that transaction rolls back, no charge
 * exists; once it commits, the charge is sent (chargeAutoPayment) or, after a crash, found by the
 * sweep. At most one per rule is open at a time (a partial unique index), so racing triggers on
 * any number of instances open one. Returns the paymentId, or null when none was opened.
 */
export async function openAutoCharge(tx: Transaction, rule: Rule, now = new Date()): Promise<string | null> {
  const pack = findPackage(rule.packageId);
  const channelKey = env.PORTONE_CHANNEL_KEY_BILLING;
  if (!pack || !channelKey) return null;
  if ((await chargesThisMonth(tx, rule.id, now)) >= rule.monthlyLimit) {
    await recordRuleEvent(tx, { ruleId: rule.id, userId: rule.userId, type: "skipped_limit" });
    return null;
  }
  const paymentId = newPaymentId();
  const opened = await tx
    .insert(payments)
    .values({
      id: paymentId,
      userId: rule.userId,
      packageId: pack.id,
      orderName: orderNameOf(pack),
      amount: pack.price,
      currency: packageCurrency(),
      paidPoints: pack.paidPoints,
      bonusPoints: pack.bonusPoints,
      payOption: "card",
      channelKey,
      autoChargeRuleId: rule.id,
    })
    .onConflictDoNothing()
    .returning({ id: payments.id });
  if (opened.length === 0) return null;
  await recordRuleEvent(tx, { ruleId: rule.id, userId: rule.userId, type: "attempt", paymentId });
  return paymentId;
}

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
      if (outcome.kind !== "paid") log.warn({ paymentId, outcome }, "automatic charge not paid");
    } catch (error) {
      // The pre-registration failed: PortOne never heard of the payment.
      log.error({ paymentId, err: error }, "automatic charge could not be sent");
    }
  }
  // A certain refusal ends the attempt now; an unknown outcome stays PENDING for the sweep.
  await syncPayment(paymentId, { unopenedIsOver: refused });
  await settleAutoCharge(paymentId);
}

/** Runs chargeAutoPayment after the response, logging instead of throwing. */
export function chargeInBackground(paymentId: string | null | undefined): void {
  if (!paymentId) return;
  chargeAutoPayment(paymentId).catch((error: unknown) =>
    log.error({ paymentId, err: error }, "automatic charge failed; the sweep retries it"),
  );
}
