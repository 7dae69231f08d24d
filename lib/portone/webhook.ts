import "server-only";
import { Webhook } from "@portone/server-sdk";
import { z } from "zod";
import { env } from "@/lib/env";
import { plainText } from "@/lib/http/plain-text";

export type WebhookCheck =
  | { ok: true; webhookId: string; type: string; paymentId: string | null; billingKey: string | null }
  | { ok: false; reason: string };

// Both are stored (webhook_events): text PostgreSQL accepts, or the delivery is refused.
const payloadSchema = z.object({
  type: plainText(),
  data: z
    .object({ paymentId: plainText().min(1).optional(), billingKey: plainText().min(1).optional() })
    .loose()
    .optional(),
});

/**
 * Verifies a PortOne webhook (Standard Webhooks: HMAC-SHA256 of the raw body, ±5 minutes)
 * against every configured secret, so a rotation never drops a delivery. Only the paymentId (or
 * billingKey) is taken from the body; the payment or key itself is always fetched from PortOne's API.
 */
export async function verifyPortOneWebhook(rawBody: string, headers: Record<string, string>): Promise<WebhookCheck> {
  let reason = "no secret matched";
  for (const secret of env.PORTONE_WEBHOOK_SECRET) {
    try {
      await Webhook.verify(secret, rawBody, headers);
      const payload = payloadSchema.safeParse(JSON.parse(rawBody));
      if (!payload.success) return { ok: false, reason: "unexpected body" };
      return {
        ok: true,
        webhookId: headers["webhook-id"] ?? "",
        type: payload.data.type,
        paymentId: payload.data.data?.paymentId ?? null,
        billingKey: payload.data.data?.billingKey ?? null,
      };
    } catch (error) {
      if (!(error instanceof Webhook.WebhookVerificationError)) throw error;
      reason = error.reason;
      // A stale or future timestamp fails for every secret alike.
      if (error.reason !== "NO_MATCHING_SIGNATURE") break;
    }
  }
  return { ok: false, reason };
}
