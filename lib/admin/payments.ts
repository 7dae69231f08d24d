import "server-only";
import { and, asc, desc, eq, ilike, inArray, like, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import {
  autoChargeEvents,
  payments,
  pointEntries,
  refunds,
  users,
  webhookEvents,
  type PaymentMethodDetails,
} from "@/db/schema";
import { ruleEventTitle } from "@/lib/billing/event-text";
import { formatPoints, formatSignedPoints, formatMoney } from "@/lib/format";
import type { PaymentStatus } from "@/lib/payments/sync/transitions";
import { paymentIdSchema, plainText } from "@/lib/http/plain-text";
import { formatPaymentMethod } from "@/lib/portone/labels";
import { messagesOf } from "@/lib/i18n/messages";

// Operators read the same status words as the buyer (the code is in the database and the search),
// in Korean: the admin pages are Korean only.
const STATUS_WORDS = messagesOf("ko").paymentStatus;
const REFUND_OUTCOME_TITLES = { COMPLETED: "환불 완료", FAILED: "환불 실패 (포인트 복구)" } as const;

const SEARCH_LIMIT = 50;

/**
 * Payments by id (exact or prefix) or the payer's e-mail (any part of it), optionally of one
 * status; newest first. The two kinds of match are separate queries, each served by an index
 * (payments_id_pattern_index; payments by user and time), merged here: one query with an OR across
 * the two tables would read every payment.
 */
export async function searchPayments(query: string, status: PaymentStatus | undefined) {
  // Text PostgreSQL would refuse (a NUL, a lone surrogate) matches nothing.
  if (!plainText().safeParse(query).success) return [];
  const text = query.trim();
  const statusIs = status ? eq(payments.status, status) : undefined;
  const newest = (where: SQL | undefined) =>
    db
      .select(SEARCH_COLUMNS)
      .from(payments)
      .innerJoin(users, eq(users.id, payments.userId))
      .where(and(where, statusIs))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(SEARCH_LIMIT);
  if (!text) return newest(undefined);
  const [byId, byEmail] = await Promise.all([
    // Our payment ids are lower-case ASCII; the pattern index serves a prefix LIKE in any collation.
    newest(like(payments.id, `${escapeLike(text.toLowerCase())}%`)),
    newest(
      inArray(
        payments.userId,
        db
          .select({ id: users.id })
          .from(users)
          .where(ilike(users.email, `%${escapeLike(text)}%`)),
      ),
    ),
  ]);
  const merged = new Map([...byId, ...byEmail].map((row) => [row.id, row]));
  return [...merged.values()]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, SEARCH_LIMIT);
}

const SEARCH_COLUMNS = {
  id: payments.id,
  userId: payments.userId,
  email: users.email,
  orderName: payments.orderName,
  amount: payments.amount,
  currency: payments.currency,
  status: payments.status,
  payOption: payments.payOption,
  createdAt: payments.createdAt,
};

const paidWith = (details: PaymentMethodDetails | null) => (details ? formatPaymentMethod(details) : "");

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`);

export interface TimelineEvent {
  at: Date;
  source: "payment" | "refund" | "webhook" | "ledger" | "auto_charge";
  title: string;
  detail: string;
}

/**
 * One payment with everything that happened to it, oldest first: for an operator's questions.
 * Its five parts are read at once (one round trip, not one after another): the ledger entries
 * find the payment's refunds by subquery rather than from the refunds read here.
 */
export async function paymentTimeline(paymentId: string) {
  if (!paymentIdSchema.safeParse(paymentId).success) return null;
  // The payment's own entries only: its charge, its refunds (and their reversals), its outside
  // cancellations. `= any(array(…))` keeps each part an index lookup on (kind, reference).
  const referenceAmong = (origin: "customer" | "outside", reference: SQL) =>
    sql`${pointEntries.reference} = any(array(${db
      .select({ reference: sql`${reference}`.as("reference") })
      .from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), eq(refunds.origin, origin)))}))`;
  const [[payment], refundRows, webhooks, entries, ruleEvents] = await Promise.all([
    db
      .select({ payment: payments, email: users.email })
      .from(payments)
      .innerJoin(users, eq(users.id, payments.userId))
      .where(eq(payments.id, paymentId)),
    db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.createdAt)),
    db.select().from(webhookEvents).where(eq(webhookEvents.paymentId, paymentId)),
    db
      .select()
      .from(pointEntries)
      .where(
        or(
          and(eq(pointEntries.kind, "charge"), eq(pointEntries.reference, paymentId)),
          and(
            eq(pointEntries.kind, "refund"),
            // One array for both (an OR of two would make PostgreSQL read every refund entry).
            referenceAmong("customer", sql`unnest(array[${refunds.id}::text, ${refunds.id}::text || ':reversal'])`),
          ),
          and(eq(pointEntries.kind, "external_cancel"), referenceAmong("outside", sql`${refunds.cancellationId}`)),
        ),
      ),
    db.select().from(autoChargeEvents).where(eq(autoChargeEvents.paymentId, paymentId)),
  ]);
  if (!payment) return null;
  const { payment: row } = payment;
  const customerRefunds = refundRows.filter((refund) => refund.origin === "customer");
  const outsideCancellations = refundRows.filter((refund) => refund.origin === "outside");

  const events: TimelineEvent[] = [
    {
      at: row.createdAt,
      source: "payment",
      title: `결제 요청 생성 (${STATUS_WORDS.PENDING.badge})`,
      detail: `${row.orderName} · ${row.payOption}`,
    },
    ...(row.paidAt
      ? [{ at: row.paidAt, source: "payment" as const, title: "결제 완료", detail: paidWith(row.methodDetails) }]
      : []),
    {
      at: row.updatedAt,
      source: "payment",
      title: `현재 상태: ${STATUS_WORDS[row.status].badge}`,
      detail: row.failureReason ?? "",
    },
    ...outsideCancellations.map((refund) => ({
      at: refund.createdAt,
      source: "refund" as const,
      title: "외부 취소 (PortOne 콘솔·PG)",
      detail: `${formatMoney(refund.amount, refund.currency)} · ${formatPoints(refund.paidPoints)} + 보너스 ${formatPoints(refund.bonusPoints)} · ${refund.cancellationId ?? ""}`,
    })),
    ...customerRefunds.flatMap((refund) => [
      {
        at: refund.createdAt,
        source: "refund" as const,
        title: "환불 요청",
        detail: `${formatMoney(refund.amount, refund.currency)} · ${formatPoints(refund.paidPoints)} + 보너스 ${formatPoints(refund.bonusPoints)}`,
      },
      ...(refund.status === "REQUESTED"
        ? []
        : [
            {
              at: refund.updatedAt,
              source: "refund" as const,
              title: REFUND_OUTCOME_TITLES[refund.status],
              detail: refund.failureReason ?? refund.cancellationId ?? "",
            },
          ]),
    ]),
    ...webhooks.map((event) => ({
      at: event.receivedAt,
      source: "webhook" as const,
      title: `웹훅 ${event.type}`,
      detail: `${event.outcome} · ${event.webhookId}`,
    })),
    ...ruleEvents.map((event) => ({
      at: event.createdAt,
      source: "auto_charge" as const,
      title: ruleEventTitle(event.type),
      detail: `규칙 ${event.ruleId}${event.detail ? ` · ${JSON.stringify(event.detail)}` : ""}`,
    })),
    ...entries.map((entry) => ({
      at: entry.createdAt,
      source: "ledger" as const,
      title: `원장 ${entry.kind} ${formatSignedPoints(entry.paidDelta + entry.bonusDelta)}`,
      detail: `유료 ${formatSignedPoints(entry.paidDelta)} / 보너스 ${formatSignedPoints(entry.bonusDelta)} → 잔액 ${formatPoints(entry.paidBalanceAfter + entry.bonusBalanceAfter)}`,
    })),
  ];
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { payment: { ...row, email: payment.email }, events };
}
