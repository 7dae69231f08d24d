import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, desc, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { paymentMethods } from "@/db/schema";
import { env } from "@/lib/env";
import { usesPortOneV1 } from "@/lib/env-schema";
import { portoneLocaleOf, type Locale } from "@/lib/i18n/locales";
import { translatorOf } from "@/lib/i18n/translator";
import { deliverMailSoon } from "@/lib/mail/delivery";
import { log } from "@/lib/observability/log";
import type { Transaction } from "@/lib/points/ledger";
import { deleteBillingKeyAtPortOne, fetchBillingKey, type PortOneBillingKey } from "@/lib/portone/billing-keys";
import { revokeSchedules } from "@/lib/portone/payment-schedules";
import { BILLING_OPTIONS, billingOption, type BillingOption, type BillingOptionId } from "./billing-options";
import { pauseRulesOfPaymentMethod } from "./rule-events";

/** What the browser passes to PortOne's requestIssueBillingKey; built here so the browser decides nothing. */
export interface BillingKeyIssueRequest {
  storeId: string;
  channelKey: string;
  billingKeyMethod: "CARD" | "EASY_PAY";
  easyPay?: { easyPayProvider: "KAKAOPAY" | "NAVERPAY" | "TOSSPAY" };
  issueId: string;
  issueName: string;
  customer: { customerId: string; fullName?: string; email?: string };
  redirectUrl: string;
  windowType: { pc: "IFRAME" | "POPUP"; mobile: "REDIRECTION" };
  /** The window's language: the buyer's. */
  locale: "KO_KR" | "EN_US";
}

export type PaymentMethodView = Pick<
  typeof paymentMethods.$inferSelect,
  "id" | "method" | "cardName" | "cardNumber" | "activatedAt"
>;

/**
 * The ways to register that this deployment offers (none: no automatic charges): those with a
 * billing channel. A V1 store has none: billing keys and schedules are V2's, and its payments
 * would be looked up at V1, which never made them.
 */
export function configuredBillingOptions(): (BillingOption & { channelKey: string })[] {
  if (usesPortOneV1(env)) return [];
  return BILLING_OPTIONS.flatMap((option) => {
    const channelKey = env[option.channelKeyVariable];
    return channelKey ? [{ ...option, channelKey }] : [];
  });
}

/** The billing channel of a way to register, when this deployment configures it. */
export const billingChannelOf = (method: string): string | undefined =>
  configuredBillingOptions().find((option) => option.id === method)?.channelKey;

// A person registers a card or two; a script opening issuing windows without end is refused.
const MAX_ACTIVE = 5;
const MAX_STARTED_PER_WINDOW = 10;
const START_WINDOW_MS = 10 * 60_000;

export type StartRefusal = "not_configured" | "too_many_methods" | "too_many_attempts";

/** Writes the PENDING row under a fresh issueId and returns the request for PortOne's window. */
export async function startPaymentMethodRegistration(
  user: { id: string; name: string | null; email: string | null },
  method: BillingOptionId = "card",
  /** The buyer's language, for PortOne's window and the name it shows. */
  locale: Locale = "ko",
): Promise<{ ok: true; request: BillingKeyIssueRequest } | { ok: false; code: StartRefusal }> {
  const option = configuredBillingOptions().find((candidate) => candidate.id === method);
  if (!option) return { ok: false, code: "not_configured" };
  const since = new Date(Date.now() - START_WINDOW_MS);
  const [[active], [started]] = await Promise.all([
    db
      .select({ n: count() })
      .from(paymentMethods)
      .where(and(eq(paymentMethods.userId, user.id), eq(paymentMethods.status, "ACTIVE"))),
    db
      .select({ n: count() })
      .from(paymentMethods)
      .where(and(eq(paymentMethods.userId, user.id), gt(paymentMethods.createdAt, since))),
  ]);
  if ((active?.n ?? 0) >= MAX_ACTIVE) return { ok: false, code: "too_many_methods" };
  if ((started?.n ?? 0) >= MAX_STARTED_PER_WINDOW) return { ok: false, code: "too_many_attempts" };

  const issueId = `pm-${Date.now().toString(36)}-${randomBytes(9).toString("hex")}`;
  await db.insert(paymentMethods).values({ userId: user.id, issueId, method: option.id });
  return {
    ok: true,
    request: {
      storeId: env.PORTONE_STORE_ID,
      channelKey: option.channelKey,
      billingKeyMethod: option.billingKeyMethod,
      ...(option.easyPayProvider ? { easyPay: { easyPayProvider: option.easyPayProvider } } : {}),
      issueId,
      issueName: translatorOf(locale, "paymentMethods")("issueName", {
        method: translatorOf(locale, "paymentMethodNames")(option.id),
      }),
      customer: { customerId: user.id, fullName: user.name ?? undefined, email: user.email ?? undefined },
      redirectUrl: new URL("/account/payment-methods/result", env.APP_URL).toString(),
      windowType: { pc: option.pcWindow, mobile: "REDIRECTION" },
      locale: portoneLocaleOf(locale),
    },
  };
}

// PortOne's keys are ASCII; anything else never becomes a lookup (a dot segment would change the path).
const BILLING_KEY_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;

export type BillingKeySyncResult =
  | { ok: true; status: "ACTIVE" | "REMOVED"; paymentMethodId: string; userId: string }
  | { ok: false; code: "not_found" | "not_ours" };

/**
 * Brings our row in line with PortOne's billing key: binds an issued key to the user whose issueId
 * PortOne reports (and only when PortOne's customer is that user too), or marks a deleted one
 * removed and pauses its rules. Idempotent: the browser, the redirect page and the webhook may all
 * call it. `userId`: the caller is that user's browser, so another user's key is "not found".
 */
export async function syncBillingKey(billingKey: string, userId?: string): Promise<BillingKeySyncResult> {
  if (!BILLING_KEY_PATTERN.test(billingKey)) return { ok: false, code: "not_found" };
  const remote = await fetchBillingKey(billingKey);
  if (!remote || remote.status === "UNKNOWN") return { ok: false, code: "not_found" };
  const problem = bindingProblem(remote);
  if (problem) {
    log.warn({ billingKey, problem }, "billing key refused");
    return { ok: false, code: "not_ours" };
  }
  // A rule paused by the removal queued its notice: sent once the transaction has committed.
  let notify = false;
  const synced = await db.transaction(async (tx): Promise<BillingKeySyncResult> => {
    const [row] = await tx
      .select()
      .from(paymentMethods)
      .where(eq(paymentMethods.issueId, remote.issueId!))
      .for("update");
    if (!row || (userId !== undefined && row.userId !== userId)) return { ok: false, code: "not_found" } as const;
    if (row.userId !== remote.customerId || (row.billingKey !== null && row.billingKey !== billingKey)) {
      log.warn({ billingKey, paymentMethodId: row.id }, "billing key refused: another user's or another key");
      return { ok: false, code: "not_ours" } as const;
    }
    // A key bound before was checked then; one being bound now must fit the row's way of registering.
    const wrongMethod = row.billingKey === null ? methodProblem(remote, row.method) : null;
    if (wrongMethod) {
      log.warn({ billingKey, paymentMethodId: row.id, problem: wrongMethod }, "billing key refused");
      return { ok: false, code: "not_ours" } as const;
    }
    const result = { ok: true, paymentMethodId: row.id, userId: row.userId } as const;
    if (remote.status === "DELETED") {
      if (row.status !== "REMOVED") notify = await markRemoved(tx, row.id, "portone", billingKey);
      return { ...result, status: "REMOVED" } as const;
    }
    if (row.status === "REMOVED" || row.status === "FAILED") return { ...result, status: "REMOVED" } as const;
    if (row.status === "PENDING") {
      await tx
        .update(paymentMethods)
        .set({
          status: "ACTIVE",
          billingKey,
          cardName: remote.cardName,
          cardNumber: remote.cardNumber,
          activatedAt: new Date(),
        })
        .where(eq(paymentMethods.id, row.id));
      log.info({ paymentMethodId: row.id, userId: row.userId }, "payment method registered");
    }
    return { ...result, status: "ACTIVE" } as const;
  });
  if (notify) deliverMailSoon();
  return synced;
}

function bindingProblem(remote: PortOneBillingKey): string | null {
  if (remote.storeId !== env.PORTONE_STORE_ID) return `store ${remote.storeId} is not ours`;
  if (!remote.issueId) return "no issueId: not issued through our page";
  return null;
}

/**
 * The key must come from the channel of the way the row was started with (a wallet's key from that
 * wallet's billing channel): a key issued elsewhere would be charged on a channel it never had.
 */
function methodProblem(remote: PortOneBillingKey, method: string): string | null {
  const option = billingOption(method);
  const channelKey = billingChannelOf(method);
  if (!option || !channelKey) return `${method} is not offered`;
  if (!remote.channelKeys.includes(channelKey)) return "issued on another channel";
  if ((option.easyPayProvider ?? null) !== remote.easyPayProvider)
    return `issued for ${remote.easyPayProvider ?? "a card"}, not ${option.id}`;
  return null;
}

/** Marks the card removed and pauses its rules; true when a rule paused (its notice is queued). */
async function markRemoved(
  tx: Transaction,
  paymentMethodId: string,
  reason: "user" | "portone",
  billingKey: string,
): Promise<boolean> {
  await tx
    .update(paymentMethods)
    .set({ status: "REMOVED", removedAt: new Date(), removedReason: reason })
    .where(eq(paymentMethods.id, paymentMethodId));
  const paused = await pauseRulesOfPaymentMethod(tx, paymentMethodId, "payment_method_removed");
  log.info({ paymentMethodId, billingKey, reason }, "payment method removed");
  return paused;
}

export type RemoveResult = { ok: true } | { ok: false; code: "not_found" | "portone_unavailable" };

/**
 * Deletes the card at PortOne first, then here: a key we forgot but PortOne still holds could be
 * charged; a row we keep after PortOne deleted it is corrected by the BillingKey.Deleted webhook.
 */
export async function removePaymentMethod(userId: string, paymentMethodId: string): Promise<RemoveResult> {
  const [row] = await db
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.id, paymentMethodId),
        eq(paymentMethods.userId, userId),
        eq(paymentMethods.status, "ACTIVE"),
      ),
    );
  if (!row?.billingKey) return { ok: false, code: "not_found" };
  try {
    // PortOne keeps a key with a waiting schedule: its monthly charges are revoked first.
    await revokeSchedules({ billingKey: row.billingKey });
    await deleteBillingKeyAtPortOne(row.billingKey);
  } catch (error) {
    log.error({ paymentMethodId, err: error }, "deleting the billing key at PortOne failed");
    return { ok: false, code: "portone_unavailable" };
  }
  const paused = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: paymentMethods.status })
      .from(paymentMethods)
      .where(eq(paymentMethods.id, paymentMethodId))
      .for("update");
    if (locked?.status !== "REMOVED") return markRemoved(tx, paymentMethodId, "user", row.billingKey!);
    return false;
  });
  if (paused) deliverMailSoon();
  return { ok: true };
}

/** The user's registered payment methods, newest first. */
export async function listPaymentMethods(userId: string): Promise<PaymentMethodView[]> {
  return db
    .select({
      id: paymentMethods.id,
      method: paymentMethods.method,
      cardName: paymentMethods.cardName,
      cardNumber: paymentMethods.cardNumber,
      activatedAt: paymentMethods.activatedAt,
    })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.userId, userId), eq(paymentMethods.status, "ACTIVE")))
    .orderBy(desc(paymentMethods.activatedAt));
}
