import "server-only";
import { z } from "zod";
import { plainText } from "@/lib/http/plain-text";
import type { WebhookCheck } from "../webhook";
import type { PortOneV1Client } from "./client";
import { findAttemptByImpUid } from "./lookups";

// V1's notice: {imp_uid, merchant_uid, status[, cancellation_id]}, as JSON or a form (the store picks).
const noticeSchema = z.object({
  imp_uid: plainText().min(1).max(64),
  merchant_uid: plainText().min(1).max(64),
  status: plainText().max(32).optional(),
});

// The inbox treats "Transaction.*" as a payment's change; V1's statuses under V2's names.
const TYPES: Record<string, string> = {
  ready: "Transaction.VirtualAccountIssued",
  paid: "Transaction.Paid",
  cancelled: "Transaction.Cancelled",
  failed: "Transaction.Failed",
};

function parseBody(rawBody: string, contentType: string): unknown {
  if (/application\/x-www-form-urlencoded/i.test(contentType)) return Object.fromEntries(new URLSearchParams(rawBody));
  try {
    return JSON.parse(rawBody);
  } catch {
    return undefined;
  }
}

/**
 * V1 notices are not signed. One is believed only as far as V1's API confirms it: the imp_uid it
 * names must exist and belong to the merchant_uid it names (so a forged notice cannot point a sync
 * at someone else's payment), and nothing else of the body is used. Its id is made of the state
 * the API reports (status, cancelled amount, number of cancellations), so a redelivery of the same
 * news is a duplicate while a later change of the same payment (a partial cancel keeps "paid")
 * is processed.
 */
export async function verifyV1Notice(
  client: PortOneV1Client,
  rawBody: string,
  headers: Record<string, string>,
): Promise<WebhookCheck> {
  const notice = noticeSchema.safeParse(parseBody(rawBody, headers["content-type"] ?? ""));
  if (!notice.success) return { ok: false, reason: "unexpected body" };
  const payment = await findAttemptByImpUid(client, notice.data.imp_uid);
  if (!payment || payment.merchant_uid !== notice.data.merchant_uid)
    return { ok: false, reason: "no such payment at PortOne V1" };
  const cancellations = payment.cancel_history?.length ?? 0;
  return {
    ok: true,
    webhookId: `v1:${payment.imp_uid}:${payment.status}:${payment.cancel_amount}:${cancellations}`,
    type: TYPES[payment.status] ?? "Transaction.Unknown",
    paymentId: payment.merchant_uid,
    billingKey: null,
  };
}
