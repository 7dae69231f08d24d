import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeRules, paymentMethods, payments } from "@/db/schema";
import { findPackage } from "@/lib/payments/catalog/packages";
import type { Locale } from "@/lib/i18n/locales";
import { formattersIn, translatorOf } from "@/lib/i18n/translator";
import { log } from "@/lib/observability/log";
import { revokeOpenSchedules, scheduleMonthlyCharge } from "./monthly";
import { recordRuleEvent } from "./rule-events";
import { AUTO_CHARGE_TERMS_VERSION, agreementFor, paymentMethodLabel } from "./rule-text";

export type RuleRefusal =
  "unknown_package" | "unknown_payment_method" | "stale_terms" | "already_exists" | "invalid_threshold" | "invalid_day";

export const THRESHOLD_LIMITS = { min: 100, max: 1_000_000 } as const;
export const MONTHLY_LIMIT_MAX = 31;

export type RuleChoice =
  { kind: "low_balance"; threshold: number; monthlyLimit: number } | { kind: "monthly"; dayOfMonth: number };

function choiceProblem(choice: RuleChoice): RuleRefusal | null {
  if (choice.kind === "monthly")
    return Number.isInteger(choice.dayOfMonth) && choice.dayOfMonth >= 1 && choice.dayOfMonth <= 28
      ? null
      : "invalid_day";
  return choice.threshold >= THRESHOLD_LIMITS.min && choice.threshold <= THRESHOLD_LIMITS.max
    ? null
    : "invalid_threshold";
}

const isUniqueViolation = (error: unknown) =>
  [(error as { code?: string }).code, (error as { cause?: { code?: string } }).cause?.code].includes("23505");

/**
 * Starts a rule with the user's recorded agreement: the exact words shown (rebuilt here from the
 * validated choices in the language the form was in, never taken from the browser), their
 * version, digest and time; the language goes into the rule's "created" event. A monthly
 * rule's first month is scheduled at PortOne at once (or by the next sweep, should that fail).
 */
export async function createRule(
  input: {
    userId: string;
    paymentMethodId: string;
    packageId: string;
    agreedVersion: string;
    /** The language the agreement was shown in. */
    locale: Locale;
  } & RuleChoice,
): Promise<{ ok: true; ruleId: string } | { ok: false; code: RuleRefusal }> {
  if (input.agreedVersion !== AUTO_CHARGE_TERMS_VERSION) return { ok: false, code: "stale_terms" };
  const pack = findPackage(input.packageId);
  if (!pack) return { ok: false, code: "unknown_package" };
  const problem = choiceProblem(input);
  if (problem) return { ok: false, code: problem };
  const [method] = await db
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.id, input.paymentMethodId),
        eq(paymentMethods.userId, input.userId),
        eq(paymentMethods.status, "ACTIVE"),
      ),
    );
  if (!method) return { ok: false, code: "unknown_payment_method" };

  const methodLabel = paymentMethodLabel(method, translatorOf(input.locale, "paymentMethodNames"));
  const language = { t: translatorOf(input.locale, "autoChargeTerms"), format: formattersIn(input.locale) };
  const text = agreementFor(
    input.kind === "monthly" ? { ...input, pack, method: methodLabel } : { ...input, pack, method: methodLabel },
    language,
  );
  const choice =
    input.kind === "monthly"
      ? { dayOfMonth: input.dayOfMonth, monthlyLimit: 1 }
      : { threshold: input.threshold, monthlyLimit: input.monthlyLimit };
  let ruleId: string;
  try {
    ruleId = await db.transaction(async (tx) => {
      const [rule] = await tx
        .insert(autoChargeRules)
        .values({
          userId: input.userId,
          kind: input.kind,
          paymentMethodId: method.id,
          packageId: pack.id,
          ...choice,
          consentVersion: AUTO_CHARGE_TERMS_VERSION,
          consentText: text,
          consentTextSha256: createHash("sha256").update(text).digest("hex"),
          consentedAt: new Date(),
        })
        .returning({ id: autoChargeRules.id });
      await recordRuleEvent(tx, {
        ruleId: rule!.id,
        userId: input.userId,
        type: "created",
        detail: { packageId: pack.id, ...choice, locale: input.locale },
      });
      return rule!.id;
    });
  } catch (error) {
    // The partial unique index: one live rule of a kind per user.
    if (isUniqueViolation(error)) return { ok: false, code: "already_exists" };
    throw error;
  }
  log.info({ ruleId, userId: input.userId, kind: input.kind }, "auto-charge rule created");
  if (input.kind === "monthly") {
    await scheduleMonthlyCharge(ruleId).catch((error: unknown) =>
      log.error({ ruleId, err: error }, "scheduling the first monthly charge failed; the sweep retries"),
    );
  }
  return { ok: true, ruleId };
}

export type StopResult = { ok: true } | { ok: false; code: "not_found" | "portone_unavailable" };

/**
 * Ends a rule for good (the user's 해지): stopped first, so no new charge can be opened for it,
 * then any monthly charge PortOne holds as a schedule is revoked there. While PortOne cannot be
 * reached the answer says so; the sweep keeps revoking until it can (see revokeOpenSchedules).
 */
export async function stopRule(userId: string, ruleId: string): Promise<StopResult> {
  const found = await db.transaction(async (tx) => {
    const [rule] = await tx
      .select({ status: autoChargeRules.status })
      .from(autoChargeRules)
      .where(and(eq(autoChargeRules.id, ruleId), eq(autoChargeRules.userId, userId)))
      .for("update");
    if (!rule) return false;
    if (rule.status !== "STOPPED") {
      await tx
        .update(autoChargeRules)
        .set({ status: "STOPPED", retryAt: null, updatedAt: new Date() })
        .where(eq(autoChargeRules.id, ruleId));
      await recordRuleEvent(tx, { ruleId, userId, type: "stopped", detail: { by: "user" } });
    }
    return true;
  });
  if (!found) return { ok: false, code: "not_found" };
  try {
    await revokeOpenSchedules(ruleId);
    return { ok: true };
  } catch (error) {
    log.error({ ruleId, err: error }, "revoking a stopped rule's schedule failed; the sweep retries");
    return { ok: false, code: "portone_unavailable" };
  }
}

export type RuleView = typeof autoChargeRules.$inferSelect & { methodLabel: string; nextChargeAt: Date | null };

/**
 * The user's live rules (active or paused) with the payment method each charges (named in
 * `locale`) and its next scheduled charge.
 */
export async function listLiveRules(userId: string, locale: Locale = "ko"): Promise<RuleView[]> {
  const names = translatorOf(locale, "paymentMethodNames");
  const rows = await db
    .select({ rule: autoChargeRules, method: paymentMethods, nextChargeAt: payments.chargeDueAt })
    .from(autoChargeRules)
    .innerJoin(paymentMethods, eq(paymentMethods.id, autoChargeRules.paymentMethodId))
    .leftJoin(payments, and(eq(payments.autoChargeRuleId, autoChargeRules.id), eq(payments.status, "PENDING")))
    .where(and(eq(autoChargeRules.userId, userId), ne(autoChargeRules.status, "STOPPED")))
    .orderBy(desc(autoChargeRules.createdAt));
  return rows.map(({ rule, method, nextChargeAt }) => ({
    ...rule,
    methodLabel: paymentMethodLabel(method, names),
    nextChargeAt,
  }));
}
