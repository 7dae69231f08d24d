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
import { createTranslator } from "next-intl";
import { ruleEventTitle } from "@/lib/billing/event-text";
import { formatPoints, formatSignedPoints, formatMoney } from "@/lib/format";
import type { PaymentStatus } from "@/lib/payments/sync/transitions";
import { paymentIdSchema, plainText } from "@/lib/http/plain-text";
import { formatPaymentMethod } from "@/lib/portone/labels";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

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

const paidWith = (details: PaymentMethodDetails | null, locale: Locale) =>
  details ? formatPaymentMethod(details, locale) : "";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`);

export interface TimelineEvent {
  at: Date;
  source: "payment" | "refund" | "webhook" | "ledger" | "auto_charge";
  title: string;
  detail: string;
}

/** The timeline's words in the admin's language; codes (ledger kinds, webhook types, outcomes) stay codes. */
function timelineText(locale: Locale) {
  const messages = messagesOf(locale);
  const t = createTranslator({ locale, messages, namespace: "adminTimeline" });
  // Operators read the same status words as the buyer (the code is in the database and the search).
  const status = createTranslator({ locale, messages, namespace: "paymentStatus" });
  const points = (value: number) => formatPoints(value, locale);
  const signed = (value: number) => formatSignedPoints(value, locale);
  return {
    t,
    statusWord: (code: PaymentStatus) => status(`${code}.badge`),
    points,
    signed,
    refundAmounts: (refund: { amount: number; currency: string; paidPoints: number; bonusPoints: number }) =>
      t("refundAmounts", {
        amount: formatMoney(refund.amount, refund.currency, locale),
        paid: points(refund.paidPoints),
        bonus: points(refund.bonusPoints),
      }),
  };
}

/**
 * One payment with everything that happened to it, oldest first: for an operator's questions,
 * told in `locale`. Its five parts are read at once (one round trip, not one after another): the
 * ledger entries find the payment's refunds by subquery rather than from the refunds read here.
 */
export async function paymentTimeline(paymentId: string, locale: Locale = DEFAULT_LOCALE) {
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
  const { t, statusWord, points, signed, refundAmounts } = timelineText(locale);

  const events: TimelineEvent[] = [
    {
      at: row.createdAt,
      source: "payment",
      title: t("created", { status: statusWord("PENDING") }),
      detail: `${row.orderName} · ${row.payOption}`,
    },
    ...(row.paidAt
      ? [{ at: row.paidAt, source: "payment" as const, title: t("paid"), detail: paidWith(row.methodDetails, locale) }]
      : []),
    {
      at: row.updatedAt,
      source: "payment",
      title: t("current", { status: statusWord(row.status) }),
      detail: row.failureReason ?? "",
    },
    ...outsideCancellations.map((refund) => ({
      at: refund.createdAt,
      source: "refund" as const,
      title: t("outsideCancel"),
      detail: `${refundAmounts(refund)} · ${refund.cancellationId ?? ""}`,
    })),
    ...customerRefunds.flatMap((refund) => [
      {
        at: refund.createdAt,
        source: "refund" as const,
        title: t("refundRequested"),
        detail: refundAmounts(refund),
      },
      ...(refund.status === "REQUESTED"
        ? []
        : [
            {
              at: refund.updatedAt,
              source: "refund" as const,
              title: t(refund.status === "COMPLETED" ? "refundCompleted" : "refundFailed"),
              detail: refund.failureReason ?? refund.cancellationId ?? "",
            },
          ]),
    ]),
    ...webhooks.map((event) => ({
      at: event.receivedAt,
      source: "webhook" as const,
      title: t("webhook", { type: event.type }),
      detail: `${event.outcome} · ${event.webhookId}`,
    })),
    ...ruleEvents.map((event) => ({
      at: event.createdAt,
      source: "auto_charge" as const,
      title: ruleEventTitle(event.type, locale),
      detail: `${t("rule", { ruleId: event.ruleId })}${event.detail ? ` · ${JSON.stringify(event.detail)}` : ""}`,
    })),
    ...entries.map((entry) => ({
      at: entry.createdAt,
      source: "ledger" as const,
      title: t("ledger", { kind: entry.kind, delta: signed(entry.paidDelta + entry.bonusDelta) }),
      detail: t("ledgerDetail", {
        paid: signed(entry.paidDelta),
        bonus: signed(entry.bonusDelta),
        balance: points(entry.paidBalanceAfter + entry.bonusBalanceAfter),
      }),
    })),
  ];
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { payment: { ...row, email: payment.email }, events };
}
