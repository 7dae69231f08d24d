import type { PaymentWebhook } from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import { ApiError } from "../http/api-error.js";
import type { PaymentRecord } from "../domain/payment-record.js";

/** PortOne limits manual resends of one webhook id; the exact number is not published. */
export const MAX_MANUAL_RESENDS = 5;

/** Resends a recorded webhook (default: the payment's latest) once, now, with the same id and body. */
export async function resendWebhook(
  emulator: Emulator,
  record: PaymentRecord,
  webhookId?: string,
): Promise<PaymentWebhook> {
  const webhook = webhookId ? record.webhooks.find((candidate) => candidate.id === webhookId) : record.webhooks.at(-1);
  if (!webhook?.request) throw new ApiError(404, "WEBHOOK_NOT_FOUND", "웹훅 내역이 존재하지 않습니다.");
  const count = emulator.manualResends.get(webhook.id) ?? 0;
  if (count >= MAX_MANUAL_RESENDS) {
    throw new ApiError(400, "MAX_WEBHOOK_RETRY_COUNT_REACHED", "웹훅 수동 재시도 횟수가 최대에 도달했습니다.");
  }
  emulator.manualResends.set(webhook.id, count + 1);
  const body = webhook.request.body;
  const type = (JSON.parse(body) as { type: string }).type;
  await emulator.webhooks.resend(webhook, { type, data: {}, paymentId: record.id }, body);
  emulator.state.persist();
  return webhook;
}
