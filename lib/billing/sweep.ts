import "server-only";
import { and, eq, isNotNull, isNull, lt, lte, ne, notExists, notInArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeEvents, autoChargeRules, payments } from "@/db/schema";
import { log } from "@/lib/observability/log";
import { OPEN_STATUSES } from "@/lib/payments/sync/transitions";
import { lockBalance } from "@/lib/points/ledger";
import { chargeAutoPayment } from "./auto-charge";
import { openAutoCharge } from "./open-charge";
import { afterAutoChargeEnded } from "./after-charge";
import { revokeOpenSchedules, scheduleMonthlyCharge } from "./monthly";

// A charge is sent right after its spend commits; one still unsent this long after was left by a
// process that died in between.
const UNSENT_AFTER_MS = 30_000;
const BATCH = 100;

export interface AutoChargeSweep {
  sent: number;
  settled: number;
  retried: number;
  scheduled: number;
}

/**
 * The automatic charges' share of reconciliation: sends charges a crash left unsent, counts
 * finished ones no caller counted, starts the retries that are due, schedules monthly rules' next
 * month and revokes schedules of rules no longer active. Each step is idempotent and bounded; what
 * is left over is the next run's.
 */
export async function sweepAutoCharges(
  now = new Date(),
  /** How old an unsent charge must be; reconciliation told that every row is stale passes 0. */
  unsentAfterMs = UNSENT_AFTER_MS,
): Promise<AutoChargeSweep> {
  const unsent = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.status, "PENDING"),
        isNotNull(payments.autoChargeRuleId),
        isNull(payments.chargeRequestedAt),
        lt(payments.createdAt, new Date(now.getTime() - unsentAfterMs)),
      ),
    )
    .limit(BATCH);
  for (const { id } of unsent) await chargeAutoPayment(id);

  const unsettled = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        isNotNull(payments.autoChargeRuleId),
        notInArray(payments.status, [...OPEN_STATUSES]),
        notExists(
          db
            .select({ one: sql`1` })
            .from(autoChargeEvents)
            .where(
              and(
                eq(autoChargeEvents.paymentId, payments.id),
                sql`${autoChargeEvents.type} in ('succeeded', 'failed')`,
              ),
            ),
        ),
      ),
    )
    .limit(BATCH);
  for (const { id } of unsettled) await afterAutoChargeEnded(id);

  const due = await db
    .select()
    .from(autoChargeRules)
    .where(and(eq(autoChargeRules.status, "ACTIVE"), lte(autoChargeRules.retryAt, now)))
    .limit(BATCH);
  let retried = 0;
  for (const rule of due) {
    const paymentId = await db.transaction(async (tx) => {
      // The balance lock orders the retry with the user's spends and credits.
      const balance = await lockBalance(tx, rule.userId);
      await tx.update(autoChargeRules).set({ retryAt: null, updatedAt: now }).where(eq(autoChargeRules.id, rule.id));
      // Charged some other way meanwhile: the top-up is no longer wanted.
      if (rule.kind === "low_balance" && balance.paid + balance.bonus >= (rule.threshold ?? 0)) {
        await tx.update(autoChargeRules).set({ failedAttempts: 0 }).where(eq(autoChargeRules.id, rule.id));
        return null;
      }
      return openAutoCharge(tx, rule, now);
    });
    if (paymentId) {
      retried += 1;
      await chargeAutoPayment(paymentId);
    }
  }
  // Monthly rules whose next month is not scheduled (just created, a crash after a success, a
  // retry that succeeded): scheduleMonthlyCharge does nothing for one with a charge open.
  const unscheduled = await db
    .select({ id: autoChargeRules.id })
    .from(autoChargeRules)
    .where(
      and(
        eq(autoChargeRules.kind, "monthly"),
        eq(autoChargeRules.status, "ACTIVE"),
        isNull(autoChargeRules.retryAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(payments)
            .where(and(eq(payments.autoChargeRuleId, autoChargeRules.id), eq(payments.status, "PENDING"))),
        ),
      ),
    )
    .limit(BATCH);
  let scheduled = 0;
  for (const { id } of unscheduled) if (await scheduleMonthlyCharge(id, now)) scheduled += 1;

  // A stopped or paused rule whose schedule PortOne still holds (its revocation failed, or the
  // rule stopped while the schedule was being made): revoked until PortOne confirms.
  const orphaned = await db
    .selectDistinct({ ruleId: payments.autoChargeRuleId })
    .from(payments)
    .innerJoin(autoChargeRules, eq(autoChargeRules.id, payments.autoChargeRuleId))
    .where(and(eq(payments.status, "PENDING"), isNotNull(payments.scheduleId), ne(autoChargeRules.status, "ACTIVE")))
    .limit(BATCH);
  for (const { ruleId } of orphaned) await revokeOpenSchedules(ruleId!);

  const summary = { sent: unsent.length, settled: unsettled.length, retried, scheduled };
  if (Object.values(summary).some((count) => count > 0)) log.info(summary, "automatic charges swept");
  return summary;
}
