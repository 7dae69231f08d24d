import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/db";
import { pointAdjustments, users } from "@/db/schema";
import { appendLedgerEntry, lockBalance } from "@/lib/points/ledger";
import { plainText } from "@/lib/http/plain-text";

/** The adjustment form's field checks in the admin's language (messages/*.json "adminAdjustChecks"). */
export type AdjustmentCheckText = Awaited<ReturnType<typeof getTranslations<"adminAdjustChecks">>>;

const REASON_MIN_LENGTH = 2;
const REASON_MAX_LENGTH = 200;

/**
 * Adjustments change bonus points only: paid points always equal money received, which refunds
 * pay back, so no hand may change them.
 */
export const adjustmentSchema = (t: AdjustmentCheckText) =>
  z.object({
    userId: z.uuid(),
    delta: z.coerce
      .number({ error: t("deltaNumber") })
      .int(t("deltaInteger"))
      .min(-10_000_000)
      .max(10_000_000)
      .refine((value) => value !== 0, t("deltaNonZero")),
    reason: plainText(t("reasonCharacters"))
      .trim()
      .min(REASON_MIN_LENGTH, t("reasonTooShort", { min: REASON_MIN_LENGTH }))
      .max(REASON_MAX_LENGTH, t("reasonTooLong", { max: REASON_MAX_LENGTH })),
  });

export type AdjustmentInput = z.infer<ReturnType<typeof adjustmentSchema>>;

export type AdjustmentResult =
  | { ok: true; bonusAfter: number }
  | { ok: false; code: "user_not_found" }
  | { ok: false; code: "would_go_negative"; bonus: number };

export type AdjustmentRefusal = Extract<AdjustmentResult, { ok: false }>["code"];

/** Records the adjustment (who, why, when) and its ledger entry in one transaction. */
export async function adjustPoints(adminId: string, input: AdjustmentInput): Promise<AdjustmentResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) return { ok: false, code: "user_not_found" };
    const balance = await lockBalance(tx, input.userId);
    if (balance.bonus + input.delta < 0) return { ok: false, code: "would_go_negative", bonus: balance.bonus };
    const [adjustment] = await tx
      .insert(pointAdjustments)
      .values({ userId: input.userId, adminId, paidDelta: 0, bonusDelta: input.delta, reason: input.reason })
      .returning({ id: pointAdjustments.id });
    await appendLedgerEntry(tx, {
      userId: input.userId,
      kind: "adjust",
      reference: adjustment!.id,
      paidDelta: 0,
      bonusDelta: input.delta,
      memo: input.reason,
    });
    return { ok: true, bonusAfter: balance.bonus + input.delta };
  });
}

const admins = alias(users, "admins");

/** A user's adjustments, newest first, with the admin who made each. */
export async function listAdjustments(userId: string) {
  return db
    .select({
      id: pointAdjustments.id,
      bonusDelta: pointAdjustments.bonusDelta,
      reason: pointAdjustments.reason,
      adminEmail: admins.email,
      createdAt: pointAdjustments.createdAt,
    })
    .from(pointAdjustments)
    .innerJoin(admins, eq(admins.id, pointAdjustments.adminId))
    .where(eq(pointAdjustments.userId, userId))
    .orderBy(desc(pointAdjustments.createdAt));
}

/** Whether `value` can be a user's id (a uuid): anything else would make PostgreSQL refuse the query. */
export const isUserId = (value: string) => z.uuid().safeParse(value).success;

export async function findUserForAdmin(userId: string) {
  if (!isUserId(userId)) return null;
  return (
    (await db.query.users.findFirst({
      where: eq(users.id, userId),
      columns: {
        id: true,
        email: true,
        name: true,
        isAdmin: true,
        paidBalance: true,
        bonusBalance: true,
        createdAt: true,
      },
    })) ?? null
  );
}
