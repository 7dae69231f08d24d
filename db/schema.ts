import { sql } from "drizzle-orm";
import { BILLING_OPTION_IDS } from "../lib/billing/billing-options";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored lower-cased: e-mail addresses are compared case-insensitively.
  email: text("email").notNull().unique(),
  name: text("name"),
  // Null for accounts that only sign in through Kakao, Naver or Google.
  passwordHash: text("password_hash"),
  // Set and cleared only by an operator (`npm run admin`), never by signing up; see admin_role_changes.
  isAdmin: boolean("is_admin").notNull().default(false),
  // Every session carries the version it was issued under; raising it (sign-out) ends them all.
  sessionVersion: integer("session_version").notNull().default(0),
  // Cached balances; the ledger (point_entries) is the truth and every write keeps them equal.
  paidBalance: integer("paid_balance").notNull().default(0),
  bonusBalance: integer("bonus_balance").notNull().default(0),
  // The language last chosen with the switch ("ko" | "en"); e-mail is written in it. Null: Korean.
  locale: text("locale"),
  createdAt: createdAt(),
});

export const adminRoleAction = pgEnum("admin_role_action", ["grant", "revoke"]);

/** Who granted or revoked admin rights, and when: one row per `npm run admin` change. */
export const adminRoleChanges = pgTable(
  "admin_role_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: adminRoleAction("action").notNull(),
    // The operator as the command saw them (system user and host, or --by).
    actor: text("actor").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.userId, table.createdAt)],
);

/** Links an OAuth identity (Kakao, Naver, Google) to a user. */
export const oauthAccounts = pgTable(
  "oauth_accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] }), index().on(table.userId)],
);

/**
 * Every password sign-in attempt, kept in PostgreSQL (not in process memory) so throttling
 * holds across any number of app instances.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index().on(table.email, table.attemptedAt),
    index().on(table.ipAddress, table.attemptedAt),
    index().on(table.email, table.ipAddress, table.attemptedAt),
    // Retention deletes by age (lib/maintenance/retention.ts).
    index().on(table.attemptedAt),
  ],
);

/** Our payment states, listed only here; only `syncPayment` moves a payment between them (see DESIGN.md). */
export const paymentStatus = pgEnum("payment_status", [
  "PENDING",
  "VIRTUAL_ACCOUNT_ISSUED",
  "PAID",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "FAILED",
  "EXPIRED",
  "REJECTED",
]);

// Payment methods as PortOne reports them, by PortOne's codes only (bank, card company, easy-pay
// provider): the screens name them, so a renamed label or another language needs no data migration.
export interface CardMethodDetails {
  type: "CARD";
  /** PortOne's `card.publisher` (the card company) and `card.issuer`, e.g. "SHINHAN_CARD". */
  publisher?: string;
  issuer?: string;
  /** 0 for a single payment (일시불). */
  installmentMonths: number;
}

export type EasyPayFundingDetails =
  CardMethodDetails | { type: "CHARGE"; bank?: string } | { type: "TRANSFER"; bank?: string };

export type PaymentMethodDetails =
  | CardMethodDetails
  | { type: "EASY_PAY"; provider?: string; method?: EasyPayFundingDetails }
  | { type: "TRANSFER"; bank?: string }
  | { type: "VIRTUAL_ACCOUNT"; bank?: string }
  | { type: "MOBILE" }
  | { type: "OTHER" }
  // Recorded before codes were stored, in words naming no code we know: shown exactly as recorded.
  | { type: "LEGACY_SUMMARY"; summary: string };

export interface VirtualAccountDetails {
  /** PortOne's bank code, e.g. "KOOKMIN". */
  bank?: string;
  accountNumber: string;
  holder: string;
  /** RFC 3339; the account stops taking deposits after it. */
  dueAt: string | null;
}

/** The cash receipt (현금영수증) the buyer asked for; the number only masked, the full one went to PortOne. */
export interface CashReceiptRequest {
  type: "PERSONAL" | "CORPORATE";
  maskedIdentifier: string;
}

/** The cash receipt as PortOne reports it once the PG issued it. */
export interface CashReceiptDetails {
  status: "ISSUED" | "CANCELLED";
  /** 승인번호 from the tax office. */
  issueNumber: string;
  /** The PG's receipt page (http or https only). */
  url: string | null;
  issuedAt: string;
  cancelledAt: string | null;
}

/** One row per PortOne paymentId, written by the server before the payment window opens. */
export const payments = pgTable(
  "payments",
  {
    // PortOne's paymentId: generated here, ASCII only.
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    packageId: text("package_id").notNull(),
    orderName: text("order_name").notNull(),
    // Minor units of `currency` (KRW has none), never a float.
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    paidPoints: integer("paid_points").notNull(),
    bonusPoints: integer("bonus_points").notNull(),
    payOption: text("pay_option").notNull(),
    channelKey: text("channel_key").notNull(),
    status: paymentStatus("status").notNull().default("PENDING"),
    transactionId: text("transaction_id"),
    channelType: text("channel_type"),
    pgProvider: text("pg_provider"),
    methodDetails: jsonb("method_details").$type<PaymentMethodDetails>(),
    // The PG's receipt (매출전표) page, as PortOne reports it once paid.
    receiptUrl: text("receipt_url"),
    virtualAccount: jsonb("virtual_account").$type<VirtualAccountDetails>(),
    cashReceiptRequest: jsonb("cash_receipt_request").$type<CashReceiptRequest>(),
    cashReceipt: jsonb("cash_receipt").$type<CashReceiptDetails>(),
    failureReason: text("failure_reason"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    // REJECTED only: when PortOne confirmed it holds none of the customer's money any more
    // (cancelled, account closed, or never paid). Until then reconciliation keeps undoing it.
    releasedAt: timestamp("released_at", { withTimezone: true }),
    // Pages that show the payment ask PortOne about it at a backed-off pace (lib/payments/sync/load-fresh.ts).
    pageChecks: integer("page_checks").notNull().default(0),
    pageCheckedAt: timestamp("page_checked_at", { withTimezone: true }),
    // An automatic charge (자동 충전): the rule that asked for it, and when the billing-key payment
    // was sent to PortOne (null: not yet, so no sweep may take PortOne's silence for a closed window).
    autoChargeRuleId: uuid("auto_charge_rule_id").references((): AnyPgColumn => autoChargeRules.id),
    chargeRequestedAt: timestamp("charge_requested_at", { withTimezone: true }),
    // A monthly charge PortOne keeps as a payment schedule until this time (timeToPay), and its id.
    chargeDueAt: timestamp("charge_due_at", { withTimezone: true }),
    scheduleId: text("schedule_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index().on(table.userId, table.createdAt, table.id),
    index().on(table.status, table.createdAt),
    // The admin's newest payments, and its search by id prefix (LIKE 'pc-…%' in any collation).
    index().on(table.createdAt, table.id),
    index("payments_id_pattern_index").using("btree", table.id.op("text_pattern_ops")),
    // One automatic charge of a rule in flight at a time, however many triggers race.
    uniqueIndex("payments_one_open_auto_charge")
      .on(table.autoChargeRuleId)
      .where(sql`${table.status} = 'PENDING' and ${table.autoChargeRuleId} is not null`),
  ],
);

export const pointEntryKind = pgEnum("point_entry_kind", [
  "charge",
  "spend",
  "refund",
  "external_cancel",
  "adjust",
  "expire",
]);
export type PointEntryKind = (typeof pointEntryKind.enumValues)[number];

/**
 * The append-only ledger: never updated or deleted, corrections are new rows. UNIQUE(kind,
 * reference) makes a second credit for the same payment impossible in the database itself.
 */
export const pointEntries = pgTable(
  "point_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: pointEntryKind("kind").notNull(),
    reference: text("reference").notNull(),
    paidDelta: integer("paid_delta").notNull(),
    bonusDelta: integer("bonus_delta").notNull(),
    paidBalanceAfter: integer("paid_balance_after").notNull(),
    bonusBalanceAfter: integer("bonus_balance_after").notNull(),
    memo: text("memo"),
    // The order entries were applied in: drawn at insert, after the balance row is locked, so a
    // user's entries are numbered in the order their balances followed each other (the
    // transaction's start time is not: one that waited for the lock can have started first).
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    // The time the entry was written (not the transaction's start), for display.
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [
    unique().on(table.kind, table.reference),
    unique().on(table.seq),
    index().on(table.userId, table.seq),
    // Which users' ledgers changed since the last invariant check (lib/points/invariant.ts).
    index().on(table.createdAt),
  ],
);

/** Paid points are money the buyer paid (refundable); bonus points are given free. */
export const pointKind = pgEnum("point_kind", ["paid", "bonus"]);
export type PointKind = (typeof pointKind.enumValues)[number];

/**
 * A batch of points of one kind credited by one ledger entry, with the expiry fixed when it was
 * credited (null: never). Like the ledger, insert-only: what is left of a lot is its amount less
 * its draws. Written only by lib/points (lots.ts, called from ledger.ts). Lots carried over from
 * before validity existed have no entry and never expire: they were sold without an expiry.
 */
export const pointLots = pgTable(
  "point_lots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    entryId: uuid("entry_id").references(() => pointEntries.id),
    pointKind: pointKind("point_kind").notNull(),
    amount: integer("amount").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // The order lots were credited in: the tie-break after the expiry when points are drawn.
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [
    index().on(table.entryId),
    index().on(table.userId, table.pointKind, table.expiresAt),
    index().on(table.expiresAt),
    check("point_lots_amount_positive", sql`${table.amount} > 0`),
  ],
);

/** Which debiting ledger entry took how many points from which lot. Insert-only. */
export const pointLotDraws = pgTable(
  "point_lot_draws",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lotId: uuid("lot_id")
      .notNull()
      .references(() => pointLots.id),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => pointEntries.id),
    amount: integer("amount").notNull(),
  },
  (table) => [
    unique().on(table.lotId, table.entryId),
    index().on(table.entryId),
    check("point_lot_draws_amount_positive", sql`${table.amount} > 0`),
  ],
);

/** Every webhook delivery we accepted, by PortOne's webhook-id, with what processing it gave. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    webhookId: text("webhook_id").primaryKey(),
    type: text("type").notNull(),
    paymentId: text("payment_id"),
    outcome: text("outcome").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (table) => [index().on(table.receivedAt), index().on(table.paymentId)],
);

/**
 * Idempotency keys of the service API: the first request's fingerprint and answer, so a replay
 * gets the same answer and a different request under the same key is refused.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: text("key").primaryKey(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: jsonb("response_body").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.createdAt)],
);

export const refundStatus = pgEnum("refund_status", ["REQUESTED", "COMPLETED", "FAILED"]);

/** Who returned the money: the user through the app, or someone at PortOne's console or the PG. */
export const refundOrigin = pgEnum("refund_origin", ["customer", "outside"]);

/**
 * Money returned on (part of) a charge. A customer's refund has its points taken back by a ledger
 * entry when it is requested; one PortOne refuses gets a compensating entry, one whose outcome is
 * unknown stays REQUESTED until reconciliation settles it. A cancellation made outside the app is
 * recorded here too (origin `outside`, COMPLETED, with its `external_cancel` entry), so what is
 * left to refund always counts every won PortOne gave back.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    // Minor units of `currency`, the payment's: money goes back in the currency it was paid in.
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    paidPoints: integer("paid_points").notNull(),
    bonusPoints: integer("bonus_points").notNull(),
    status: refundStatus("status").notNull().default("REQUESTED"),
    origin: refundOrigin("origin").notNull().default("customer"),
    // PortOne's cancellation id, once known: one row per cancellation.
    cancellationId: text("cancellation_id").unique(),
    failureReason: text("failure_reason"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.paymentId)],
);

/**
 * A manual change of a user's points by an admin, with the mandatory reason and who made it.
 * Its ledger entry (kind `adjust`) carries this row's id as its reference.
 */
export const pointAdjustments = pgTable(
  "point_adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    adminId: uuid("admin_id")
      .notNull()
      .references(() => users.id),
    paidDelta: integer("paid_delta").notNull(),
    bonusDelta: integer("bonus_delta").notNull(),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.userId, table.createdAt)],
);

export const consentDocument = pgEnum("consent_document", ["terms", "privacy", "refund", "marketing"]);
export const consentContext = pgEnum("consent_context", ["sign_up", "checkout"]);

/**
 * What a user agreed to (or, for an optional item, declined), which text version and when: the
 * evidence a 청약철회 or privacy dispute asks for. Append-only (a trigger refuses UPDATE and
 * DELETE): a new version or a changed mind is a new row; the latest row per document counts.
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    document: consentDocument("document").notNull(),
    version: text("version").notNull(),
    // Of the text as it was shown (lib/legal/documents.ts), so a later edit under the same version shows.
    textSha256: text("text_sha256").notNull(),
    agreed: boolean("agreed").notNull(),
    context: consentContext("context").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index().on(table.userId, table.document, table.createdAt)],
);

/**
 * One row per background job (today: "reconcile"). The lease lets one run at a time do the work
 * across every instance, through a transaction-mode pooler too (a session advisory lock would stay
 * with whichever server connection the pooler handed out): a run takes it when it is free or has
 * lapsed, renews it while it works, and gives it back; a run that died loses it when it lapses.
 */
export const maintenanceJobs = pgTable("maintenance_jobs", {
  name: text("name").primaryKey(),
  leaseHolder: text("lease_holder"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
  // Ledger entries written from this moment on have not been through the invariant check yet.
  ledgerUncheckedFrom: timestamp("ledger_unchecked_from", { withTimezone: true }),
  // Users the last check found in violation: checked again by every run until they are repaired.
  ledgerViolators: jsonb("ledger_violators").$type<string[]>().notNull().default([]),
});

export const paymentMethodStatus = pgEnum("payment_method_status", ["PENDING", "ACTIVE", "REMOVED", "FAILED"]);
export type PaymentMethodStatus = (typeof paymentMethodStatus.enumValues)[number];

/**
 * A card registered for automatic charges: PortOne's billing key and what the buyer sees of it.
 * Written PENDING with our issueId before PortOne's window opens, so the key PortOne issues can
 * only ever be bound to the user who asked for it.
 */
export const paymentMethods = pgTable(
  "payment_methods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    // Sent as requestIssueBillingKey's issueId; PortOne's billing key info gives it back.
    issueId: text("issue_id").notNull().unique(),
    billingKey: text("billing_key").unique(),
    status: paymentMethodStatus("status").notNull().default("PENDING"),
    // How it was registered (lib/billing/billing-options.ts): a card, or a wallet (카카오페이, …)
    // whose own billing channel issued the key and charges it.
    method: text("method", { enum: BILLING_OPTION_IDS }).notNull().default("card"),
    // The card as PortOne reports it: issuer name and the masked number (never the full number);
    // a wallet paying from its balance has none.
    cardName: text("card_name"),
    cardNumber: text("card_number"),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    // "user" (deleted here), "portone" (deleted at PortOne or by the card company), "failed" (never issued).
    removedReason: text("removed_reason"),
    createdAt: createdAt(),
  },
  (table) => [
    index().on(table.userId, table.status),
    check("payment_methods_method", sql.raw(`method in (${BILLING_OPTION_IDS.map((id) => `'${id}'`).join(", ")})`)),
  ],
);

export const autoChargeKind = pgEnum("auto_charge_kind", ["low_balance", "monthly"]);
export type AutoChargeKind = (typeof autoChargeKind.enumValues)[number];
export const autoChargeStatus = pgEnum("auto_charge_status", ["ACTIVE", "PAUSED", "STOPPED"]);
export type AutoChargeStatus = (typeof autoChargeStatus.enumValues)[number];

/**
 * A user's standing order to buy a package with a registered card: when a spend leaves the
 * balance under `threshold` (low_balance) or on `dayOfMonth` (monthly). What the user agreed to is
 * kept with it: the exact text shown, its version and digest, and when.
 */
export const autoChargeRules = pgTable(
  "auto_charge_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: autoChargeKind("kind").notNull(),
    paymentMethodId: uuid("payment_method_id")
      .notNull()
      .references(() => paymentMethods.id),
    packageId: text("package_id").notNull(),
    threshold: integer("threshold"),
    dayOfMonth: integer("day_of_month"),
    monthlyLimit: integer("monthly_limit").notNull(),
    status: autoChargeStatus("status").notNull().default("ACTIVE"),
    // Why a rule stopped charging on its own: "declined", "payment_method_removed".
    pausedReason: text("paused_reason"),
    // Failed attempts since the last success, and when the next retry is due (null: none due).
    failedAttempts: integer("failed_attempts").notNull().default(0),
    retryAt: timestamp("retry_at", { withTimezone: true }),
    consentVersion: text("consent_version").notNull(),
    consentText: text("consent_text").notNull(),
    consentTextSha256: text("consent_text_sha256").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One live rule of each kind per user; stopped ones stay as the record of what was agreed.
    uniqueIndex("auto_charge_rules_one_live_per_kind")
      .on(table.userId, table.kind)
      .where(sql`${table.status} <> 'STOPPED'`),
    check("auto_charge_rules_threshold", sql`${table.kind} <> 'low_balance' or ${table.threshold} > 0`),
    check("auto_charge_rules_day", sql`${table.kind} <> 'monthly' or ${table.dayOfMonth} between 1 and 28`),
    check("auto_charge_rules_limit", sql`${table.monthlyLimit} between 1 and 31`),
    index().on(table.status, table.retryAt),
  ],
);

/** What happened to a rule, for the user's and the admin's timeline: changes and attempts. Append-only. */
export const autoChargeEvents = pgTable(
  "auto_charge_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => autoChargeRules.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    // created, stopped, paused, resumed, attempt, succeeded, failed, retry_scheduled, skipped_limit
    type: text("type").notNull(),
    paymentId: text("payment_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [
    index().on(table.ruleId, table.createdAt),
    index().on(table.userId, table.createdAt),
    // A payment's events, for its admin timeline (the unique index below covers outcomes only).
    index().on(table.paymentId),
    // An attempt's outcome is counted once, whichever of the charge, the webhook or the sweep sees it first.
    uniqueIndex("auto_charge_events_one_outcome")
      .on(table.paymentId)
      .where(sql`${table.type} in ('succeeded', 'failed')`),
  ],
);

/**
 * E-mail waiting to go out (receipts, auto-charge notices). A row is written in the same
 * transaction as what it reports, so a committed charge always has its receipt queued and a
 * rolled-back one none; the UNIQUE key (e.g. `receipt:<paymentId>`) makes a second queueing of
 * the same message a no-op. `next_attempt_at` null means nothing more will be tried: sent (with
 * `sent_at`) or given up after too many failures (without).
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    createdAt: createdAt(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (table) => [
    // Delivery claims the due rows; sent and abandoned ones have no next attempt and drop out.
    index().on(table.nextAttemptAt),
    // The admin's outbox page, newest first.
    index().on(table.createdAt),
  ],
);
