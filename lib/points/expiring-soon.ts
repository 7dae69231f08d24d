import "server-only";
import { and, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { pointLotDraws, pointLots, type PointKind } from "@/db/schema";
import { EXPIRY_NOTICE_DAYS } from "./validity";

export interface ExpiringPoints {
  kind: PointKind;
  points: number;
  expiresAt: Date;
}

/**
 * The user's points that expire within EXPIRY_NOTICE_DAYS, per kind and expiry day, soonest first:
 * what the history page announces as "N일 후 소멸 예정" so nobody loses points unwarned.
 */
export async function listExpiringSoon(userId: string, now: Date = new Date()): Promise<ExpiringPoints[]> {
  const until = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * 86_400_000);
  const remaining = sql<number>`(${pointLots.amount} - coalesce(sum(${pointLotDraws.amount}), 0))::int`;
  const rows = await db
    .select({ kind: pointLots.pointKind, expiresAt: pointLots.expiresAt, points: remaining })
    .from(pointLots)
    .leftJoin(pointLotDraws, eq(pointLotDraws.lotId, pointLots.id))
    .where(
      and(
        eq(pointLots.userId, userId),
        isNotNull(pointLots.expiresAt),
        gt(pointLots.expiresAt, now),
        lte(pointLots.expiresAt, until),
      ),
    )
    .groupBy(pointLots.id)
    .having(sql`${pointLots.amount} - coalesce(sum(${pointLotDraws.amount}), 0) > 0`)
    .orderBy(pointLots.expiresAt);
  return rows.map((row) => ({ kind: row.kind, points: row.points, expiresAt: row.expiresAt! }));
}
