import { createTranslator } from "next-intl";
import type { PointKind } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

const DAY_MS = 86_400_000;

export interface PointsValidity {
  /** Days; 0 means the points never expire. */
  paidDays: number;
  bonusDays: number;
}

/** When points of `kind` credited at `creditedAt` expire; null when they never do. */
export function expiryOf(kind: PointKind, creditedAt: Date, validity: PointsValidity): Date | null {
  const days = kind === "paid" ? validity.paidDays : validity.bonusDays;
  return days > 0 ? new Date(creditedAt.getTime() + days * DAY_MS) : null;
}

/**
 * "1,825일(5년)", "365일(1년)", "90일", or "기간 제한 없음" for 0 ("1,825 days (5 years)", … "no
 * time limit" in English): how the texts say it, in their language.
 */
export function describeValidity(days: number, locale: Locale): string {
  const t = createTranslator({ locale, messages: messagesOf(locale), namespace: "pointsValidity" });
  if (days <= 0) return t("noLimit");
  return days % 365 === 0 ? t("daysAndYears", { days, years: days / 365 }) : t("days", { days });
}

/** Points expiring within this many days are announced on the history page ("N일 후 소멸 예정"). */
export const EXPIRY_NOTICE_DAYS = 30;

/** Whole days left until `expiresAt`, rounded up, so "1일 후" means within the next 24 hours. */
export function daysUntil(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}
