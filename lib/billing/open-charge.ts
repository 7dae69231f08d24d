import "server-only";
import { and, count, eq, gte, notInArray } from "drizzle-orm";
import { autoChargeRules, paymentMethods, payments } from "@/db/schema";
import { newPaymentId } from "@/lib/payments/checkout/create-checkout";
import { findPackage, orderNameOf, packageCurrency } from "@/lib/payments/catalog/packages";
import type { Transaction } from "@/lib/points/ledger";
import { billingChannelOf } from "./payment-methods";
import { recordRuleEvent } from "./rule-events";

export type Rule = typeof autoChargeRules.$inferSelect;

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
 * spend that crossed the threshold, a due retry, the next monthly schedule): if that transaction
 * rolls back, no charge exists; once it commits, the charge is sent or, after a crash, found by
 * the sweep. At most one per rule is open at a time (a partial unique index), so racing triggers
 * on any number of instances open one. Returns the paymentId, or null when none was opened.
 * `dueAt`: a monthly charge PortOne is to make then (its schedule); it counts as sent already.
 */
export async function openAutoCharge(
  tx: Transaction,
  rule: Rule,
  now = new Date(),
  { dueAt }: { dueAt?: Date } = {},
): Promise<string | null> {
  const pack = findPackage(rule.packageId);
  // Charged on the channel that issued the rule's key: a wallet's key pays only on its wallet's.
  const [method] = await tx
    .select({ method: paymentMethods.method })
    .from(paymentMethods)
    .where(eq(paymentMethods.id, rule.paymentMethodId));
  const channelKey = method && billingChannelOf(method.method);
  if (!pack || !method || !channelKey) return null;
  // A monthly rule charges once a month by its schedule; the limit guards the low-balance trigger.
  if (rule.kind === "low_balance" && (await chargesThisMonth(tx, rule.id, now)) >= rule.monthlyLimit) {
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
      payOption: method.method,
      channelKey,
      autoChargeRuleId: rule.id,
      ...(dueAt ? { chargeDueAt: dueAt, chargeRequestedAt: now } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: payments.id });
  if (opened.length === 0) return null;
  await recordRuleEvent(tx, {
    ruleId: rule.id,
    userId: rule.userId,
    type: "attempt",
    paymentId,
    ...(dueAt ? { detail: { dueAt: dueAt.toISOString() } } : {}),
  });
  return paymentId;
}
