import "server-only";
import { env } from "@/lib/env";
import type { PointsValidity } from "./validity";

/** The validity in force for new credits (POINTS_PAID_VALIDITY_DAYS, POINTS_BONUS_VALIDITY_DAYS). */
export function configuredValidity(): PointsValidity {
  return { paidDays: env.POINTS_PAID_VALIDITY_DAYS, bonusDays: env.POINTS_BONUS_VALIDITY_DAYS };
}
