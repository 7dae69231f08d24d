import type { PointKind } from "@/db/schema";

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

/** "1,825일(5년)", "365일(1년)", "90일", or "기간 제한 없음" for 0: how the charge page and texts say it. */
export function describeValidity(days: number): string {
  if (days <= 0) return "기간 제한 없음";
  const count = `${days.toLocaleString("ko-KR")}일`;
  return days % 365 === 0 ? `${count}(${days / 365}년)` : count;
}

/** Points expiring within this many days are announced on the history page ("N일 후 소멸 예정"). */
export const EXPIRY_NOTICE_DAYS = 30;

/** Whole days left until `expiresAt`, rounded up, so "1일 후" means within the next 24 hours. */
export function daysUntil(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}
