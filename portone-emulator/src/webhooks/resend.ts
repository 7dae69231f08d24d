import type { PaymentWebhook, PaymentWebhookPaymentStatus } from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { newWebhookId } from "../domain/ids.js";
import type { PaymentRecord } from "../domain/payment-record.js";
import { nowIso } from "../domain/time.js";

/** PortOne limits manual resends of one webhook id; the exact number is not published. */
export const MAX_MANUAL_RESENDS = 5;

/**
 * Resends a recorded webhook (default: the payment's latest) once, now, with the same body. PortOne
 * marks webhooks sent by a manual resend with `trigger: "MANUAL"`, so the resend is a webhook of its
 * own in `webhooks[]` (new id, one execution); the original keeps its trigger and history.
 */
export async function resendWebhook(
  emulator: Emulator,
  record: PaymentRecord,
  webhookId?: string,
): Promise<PaymentWebhook> {
  const original = webhookId ? record.webhooks.find((candidate) => candidate.id === webhookId) : record.webhooks.at(-1);
  if (!original?.request) throw new ApiError(404, "WEBHOOK_NOT_FOUND", "웹훅 내역이 존재하지 않습니다.");
  const count = emulator.manualResends.get(original.id) ?? 0;
  if (count >= MAX_MANUAL_RESENDS) {
    throw new ApiError(400, "MAX_WEBHOOK_RETRY_COUNT_REACHED", "웹훅 수동 재시도 횟수가 최대에 도달했습니다.");
  }
  emulator.manualResends.set(original.id, count + 1);
  const body = original.request.body;
  const webhook: PaymentWebhook = {
    id: newWebhookId(),
    url: original.url,
    paymentStatus: record.status as PaymentWebhookPaymentStatus,
    // Sent because an operator asked, not because of a later event at the PG.
    isAsync: false,
    currentExecutionCount: 0,
    maxExecutionCount: 1,
    trigger: "MANUAL",
    triggeredAt: nowIso(),
    request: { body },
  };
  record.webhooks.push(webhook);
  const type = (JSON.parse(body) as { type: string }).type;
  await emulator.webhooks.resend(webhook, { type, data: {}, paymentId: record.id }, body);
  emulator.state.persist();
  return webhook;
}
