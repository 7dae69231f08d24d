import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, desc, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { paymentMethods } from "@/db/schema";
import { env } from "@/lib/env";
import { deliverMailSoon } from "@/lib/mail/delivery";
import { log } from "@/lib/observability/log";
import type { Transaction } from "@/lib/points/ledger";
import { deleteBillingKeyAtPortOne, fetchBillingKey, type PortOneBillingKey } from "@/lib/portone/billing-keys";
import { revokeSchedules } from "@/lib/portone/payment-schedules";
import { pauseRulesOfPaymentMethod } from "./rule-events";

/** What the browser passes to PortOne's requestIssueBillingKey; built here so the browser decides nothing. */
export interface BillingKeyIssueRequest {
  storeId: string;
  channelKey: string;
  billingKeyMethod: "CARD";
  issueId: string;
  issueName: string;
  customer: { customerId: string; fullName?: string; email?: string };
  redirectUrl: string;
  windowType: { pc: "IFRAME"; mobile: "REDIRECTION" };
}

export type PaymentMethodView = Pick<
  typeof paymentMethods.$inferSelect,
  "id" | "cardName" | "cardNumber" | "activatedAt"
>;

/** Automatic charges are offered only with a billing channel configured. */
export const billingConfigured = (): boolean => env.PORTONE_CHANNEL_KEY_BILLING !== undefined;

// A person registers a card or two; a script opening issuing windows without end is refused.
const MAX_ACTIVE = 5;
const MAX_STARTED_PER_WINDOW = 10;
const START_WINDOW_MS = 10 * 60_000;

export type StartRefusal = "not_configured" | "too_many_methods" | "too_many_attempts";

/** Writes the PENDING row under a fresh issueId and returns the request for PortOne's window. */
export async function startPaymentMethodRegistration(user: {
  id: string;
  name: string | null;
  email: string | null;
}): Promise<{ ok: true; request: BillingKeyIssueRequest } | { ok: false; code: StartRefusal }> {
  const channelKey = env.PORTONE_CHANNEL_KEY_BILLING;
  if (!channelKey) return { ok: false, code: "not_configured" };
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
  await db.insert(paymentMethods).values({ userId: user.id, issueId });
  return {
    ok: true,
    request: {
      storeId: env.PORTONE_STORE_ID,
      channelKey,
      billingKeyMethod: "CARD",
      issueId,
      issueName: "포인트 자동 충전 카드 등록",
      customer: { customerId: user.id, fullName: user.name ?? undefined, email: user.email ?? undefined },
      redirectUrl: new URL("/account/payment-methods/result", env.APP_URL).toString(),
      windowType: { pc: "IFRAME", mobile: "REDIRECTION" },
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
  if (env.PORTONE_CHANNEL_KEY_BILLING && !remote.channelKeys.includes(env.PORTONE_CHANNEL_KEY_BILLING))
    return "issued on another channel";
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

/** The user's registered cards, newest first. */
export async function listPaymentMethods(userId: string): Promise<PaymentMethodView[]> {
  return db
    .select({
      id: paymentMethods.id,
      cardName: paymentMethods.cardName,
      cardNumber: paymentMethods.cardNumber,
      activatedAt: paymentMethods.activatedAt,
    })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.userId, userId), eq(paymentMethods.status, "ACTIVE")))
    .orderBy(desc(paymentMethods.activatedAt));
}
