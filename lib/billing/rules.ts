import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeRules, paymentMethods } from "@/db/schema";
import { findPackage } from "@/lib/payments/catalog/packages";
import { log } from "@/lib/observability/log";
import { recordRuleEvent } from "./rule-events";
import { AUTO_CHARGE_TERMS_VERSION, cardLabel, lowBalanceAgreement } from "./rule-text";

export type RuleRefusal =
  "unknown_package" | "unknown_payment_method" | "stale_terms" | "already_exists" | "invalid_threshold";

export const THRESHOLD_LIMITS = { min: 100, max: 1_000_000 } as const;
export const MONTHLY_LIMIT_MAX = 31;

/**
 * Starts a low-balance rule with the user's recorded agreement: the exact words shown (rebuilt
 * here from the validated choices, never taken from the browser), their version, digest and time.
 */
export async function createLowBalanceRule(input: {
  userId: string;
  paymentMethodId: string;
  packageId: string;
  threshold: number;
  monthlyLimit: number;
  agreedVersion: string;
}): Promise<{ ok: true; ruleId: string } | { ok: false; code: RuleRefusal }> {
  if (input.agreedVersion !== AUTO_CHARGE_TERMS_VERSION) return { ok: false, code: "stale_terms" };
  const pack = findPackage(input.packageId);
  if (!pack) return { ok: false, code: "unknown_package" };
  if (input.threshold < THRESHOLD_LIMITS.min || input.threshold > THRESHOLD_LIMITS.max)
    return { ok: false, code: "invalid_threshold" };
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

  const text = lowBalanceAgreement({
    kind: "low_balance",
    pack,
    threshold: input.threshold,
    monthlyLimit: input.monthlyLimit,
    card: cardLabel(method),
  });
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      const [rule] = await tx
        .insert(autoChargeRules)
        .values({
          userId: input.userId,
          kind: "low_balance",
          paymentMethodId: method.id,
          packageId: pack.id,
          threshold: input.threshold,
          monthlyLimit: input.monthlyLimit,
          consentVersion: AUTO_CHARGE_TERMS_VERSION,
          consentText: text,
          consentTextSha256: createHash("sha256").update(text).digest("hex"),
          consentedAt: now,
        })
        .returning({ id: autoChargeRules.id });
      await recordRuleEvent(tx, {
        ruleId: rule!.id,
        userId: input.userId,
        type: "created",
        detail: { packageId: pack.id, threshold: input.threshold, monthlyLimit: input.monthlyLimit },
      });
      log.info({ ruleId: rule!.id, userId: input.userId }, "auto-charge rule created");
      return { ok: true as const, ruleId: rule!.id };
    });
  } catch (error) {
    // The partial unique index: one live rule of a kind per user.
    if (
      (error as { cause?: { code?: string } }).cause?.code === "23505" ||
      (error as { code?: string }).code === "23505"
    )
      return { ok: false, code: "already_exists" };
    throw error;
  }
}

/** Ends a rule for good (the user's 해지): no charge is started for it afterwards. */
export async function stopRule(userId: string, ruleId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [stopped] = await tx
      .update(autoChargeRules)
      .set({ status: "STOPPED", retryAt: null, updatedAt: new Date() })
      .where(
        and(eq(autoChargeRules.id, ruleId), eq(autoChargeRules.userId, userId), ne(autoChargeRules.status, "STOPPED")),
      )
      .returning({ id: autoChargeRules.id });
    if (!stopped) return false;
    await recordRuleEvent(tx, { ruleId, userId, type: "stopped", detail: { by: "user" } });
    return true;
  });
}

export type RuleView = typeof autoChargeRules.$inferSelect & { card: string };

/** The user's live rules (active or paused) with the card each charges. */
export async function listLiveRules(userId: string): Promise<RuleView[]> {
  const rows = await db
    .select({ rule: autoChargeRules, method: paymentMethods })
    .from(autoChargeRules)
    .innerJoin(paymentMethods, eq(paymentMethods.id, autoChargeRules.paymentMethodId))
    .where(and(eq(autoChargeRules.userId, userId), ne(autoChargeRules.status, "STOPPED")))
    .orderBy(desc(autoChargeRules.createdAt));
  return rows.map(({ rule, method }) => ({ ...rule, card: cardLabel(method) }));
}
