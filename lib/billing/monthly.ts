import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeRules, paymentMethods, payments } from "@/db/schema";
import { log } from "@/lib/observability/log";
import { syncPayment } from "@/lib/payments/sync/sync-payment";
import { revokeSchedules, schedulePayment } from "@/lib/portone/payment-schedules";
// Billing keys and schedules are V2's alone (lib/portone/provider.ts), so their charges are pre-registered at V2.
import { preRegisterAmount } from "@/lib/portone/requests";
import { openAutoCharge } from "./open-charge";
import { settleAutoCharge } from "./settle-auto-charge";

const KST_OFFSET_MS = 9 * 3_600_000;
/** Monthly charges run at 09:00 Korean time: a card company's decline reaches a person awake. */
const CHARGE_HOUR_KST = 9;

/** The first `day` of a month at 09:00 Korean time strictly after `after`. */
export function nextMonthlyChargeAt(day: number, after: Date): Date {
  const kst = new Date(after.getTime() + KST_OFFSET_MS);
  for (let months = 0; ; months += 1) {
    const candidate = new Date(
      Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth() + months, day, CHARGE_HOUR_KST) - KST_OFFSET_MS,
    );
    if (candidate > after) return candidate;
  }
}

/**
 * Opens the next month's charge of a monthly rule and hands it to PortOne as a payment schedule:
 * the PENDING row is written first (so PortOne can never charge a payment we have no row for),
 * then the amount pre-registered and the schedule created. PortOne runs it at its time, and its
 * webhook (or reconciliation after the time) syncs it like any payment. Does nothing while the
 * rule has a charge open or a retry pending. Returns the paymentId it scheduled.
 */
export async function scheduleMonthlyCharge(ruleId: string, now = new Date()): Promise<string | null> {
  const opened = await db.transaction(async (tx) => {
    const [rule] = await tx.select().from(autoChargeRules).where(eq(autoChargeRules.id, ruleId)).for("update");
    if (!rule || rule.kind !== "monthly" || rule.status !== "ACTIVE" || rule.retryAt || !rule.dayOfMonth) return null;
    // The month after the last one charged (or scheduled), so a late success never charges a month twice.
    const [last] = await tx
      .select({ dueAt: payments.chargeDueAt })
      .from(payments)
      .where(and(eq(payments.autoChargeRuleId, rule.id), isNotNull(payments.chargeDueAt)))
      .orderBy(desc(payments.chargeDueAt))
      .limit(1);
    const after = last?.dueAt && last.dueAt > now ? last.dueAt : now;
    const dueAt = nextMonthlyChargeAt(rule.dayOfMonth, after);
    const paymentId = await openAutoCharge(tx, rule, now, { dueAt });
    return paymentId ? { paymentId, dueAt, rule } : null;
  });
  if (!opened) return null;

  const [row] = await db
    .select({ payment: payments, billingKey: paymentMethods.billingKey })
    .from(payments)
    .innerJoin(paymentMethods, eq(paymentMethods.id, opened.rule.paymentMethodId))
    .where(eq(payments.id, opened.paymentId));
  const payment = row!.payment;
  let outcome: Awaited<ReturnType<typeof schedulePayment>> = { kind: "refused", type: "NO_BILLING_KEY" };
  if (row?.billingKey) {
    try {
      await preRegisterAmount(payment.id, payment.amount, payment.currency);
      outcome = await schedulePayment({
        paymentId: payment.id,
        billingKey: row.billingKey,
        channelKey: payment.channelKey,
        orderName: payment.orderName,
        amount: payment.amount,
        currency: payment.currency,
        customerId: payment.userId,
        timeToPay: opened.dueAt,
      });
    } catch (error) {
      log.error({ paymentId: payment.id, err: error }, "pre-registering a monthly charge failed");
    }
  }
  if (outcome.kind === "scheduled") {
    await db.update(payments).set({ scheduleId: outcome.scheduleId }).where(eq(payments.id, payment.id));
    log.info({ paymentId: payment.id, ruleId, dueAt: opened.dueAt }, "monthly charge scheduled");
    // Stopped while PortOne was being asked (stopRule found no schedule yet): revoke it now.
    const [rule] = await db
      .select({ status: autoChargeRules.status })
      .from(autoChargeRules)
      .where(eq(autoChargeRules.id, ruleId));
    if (rule?.status !== "ACTIVE") await revokeOpenSchedules(ruleId);
  } else {
    log.warn({ paymentId: payment.id, ruleId, outcome }, "monthly charge could not be scheduled");
    // A certain refusal ends this attempt now (it counts as a failure and is retried); an unknown
    // outcome is looked up once its time has passed.
    if (outcome.kind === "refused") await endUnscheduled(payment.id);
  }
  return payment.id;
}

/**
 * Revokes at PortOne every schedule of a rule's open charges and ends those charges (as an
 * abandoned window: a payment PortOne already made is credited). Throws while PortOne cannot be
 * reached; the sweep calls it again for every rule that is no longer active.
 */
export async function revokeOpenSchedules(ruleId: string): Promise<void> {
  const open = await db
    .select({ id: payments.id, scheduleId: payments.scheduleId })
    .from(payments)
    .where(and(eq(payments.autoChargeRuleId, ruleId), eq(payments.status, "PENDING"), isNotNull(payments.scheduleId)));
  if (open.length === 0) return;
  await revokeSchedules({ scheduleIds: open.map((row) => row.scheduleId!) });
  for (const row of open) {
    await syncPayment(row.id, { abandoned: true });
    await settleAutoCharge(row.id);
  }
}

async function endUnscheduled(paymentId: string): Promise<void> {
  await syncPayment(paymentId, { unopenedIsOver: true });
  await settleAutoCharge(paymentId);
}
