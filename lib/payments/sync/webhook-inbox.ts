import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { payments, webhookEvents } from "@/db/schema";
import { syncBillingKey } from "@/lib/billing/payment-methods";
import { afterAutoChargeEnded } from "@/lib/billing/after-charge";
import { settleRequestedRefunds } from "@/lib/payments/refunds/settle-refund";
import { syncPayment } from "@/lib/payments/sync/sync-payment";
import { log } from "@/lib/observability/log";

export type WebhookOutcome = "processed" | "ignored" | "duplicate";

const BILLING_KEY_CHANGES = new Set(["BillingKey.Issued", "BillingKey.Deleted", "BillingKey.Updated"]);

/**
 * Applies one verified webhook. A webhook-id already processed is acknowledged without work;
 * one whose processing failed (or is still running elsewhere) is processed again, which
 * syncPayment makes harmless, so a failure can never be deduplicated into a loss.
 * Throws on a transient failure, which the route answers with 5xx so PortOne retries.
 */
export async function processWebhook(event: {
  webhookId: string;
  type: string;
  paymentId: string | null;
  billingKey?: string | null;
}): Promise<WebhookOutcome> {
  const [existing] = await db
    .insert(webhookEvents)
    .values({ webhookId: event.webhookId, type: event.type, paymentId: event.paymentId, outcome: "received" })
    .onConflictDoUpdate({ target: webhookEvents.webhookId, set: { receivedAt: sql`now()` } })
    .returning({ outcome: webhookEvents.outcome });
  const fields = { webhookId: event.webhookId, webhookType: event.type, paymentId: event.paymentId };
  if (existing && (existing.outcome === "processed" || existing.outcome === "ignored")) {
    log.info({ ...fields, outcome: "duplicate" }, "webhook handled");
    return "duplicate";
  }

  try {
    // A payment we do not have is never asked of PortOne: nothing of ours can change, and an id
    // from outside (a dot segment, say) must not become a PortOne lookup that fails and is retried.
    const relevant =
      event.type.startsWith("Transaction.") && event.paymentId !== null && (await isOurs(event.paymentId));
    // Refunds PortOne was still carrying out are settled first, so the sync sees their cancellations as ours.
    if (relevant) await settleRequestedRefunds(event.paymentId!);
    let outcome: WebhookOutcome = relevant && (await syncPayment(event.paymentId!)).ok ? "processed" : "ignored";
    // An automatic charge's end (a scheduled one, or one whose answer was lost) counts against its rule.
    if (outcome === "processed") await afterAutoChargeEnded(event.paymentId!);
    // A key issued (the buyer never came back to our page) or deleted at PortOne. Ready and
    // Failed name a key that was never issued: nothing to look up.
    if (BILLING_KEY_CHANGES.has(event.type) && event.billingKey)
      outcome = (await syncBillingKey(event.billingKey)).ok ? "processed" : "ignored";
    await record(event.webhookId, outcome);
    log.info({ ...fields, outcome }, "webhook handled");
    return outcome;
  } catch (error) {
    log.error({ ...fields, err: error }, "webhook processing failed; PortOne will retry");
    await record(event.webhookId, "failed").catch(() => undefined);
    throw error;
  }
}

async function isOurs(paymentId: string): Promise<boolean> {
  const [row] = await db.select({ id: payments.id }).from(payments).where(eq(payments.id, paymentId));
  return row !== undefined;
}

async function record(webhookId: string, outcome: string): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ outcome, processedAt: new Date() })
    .where(eq(webhookEvents.webhookId, webhookId));
}
