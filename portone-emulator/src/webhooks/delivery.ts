import type { PaymentWebhook } from "@portone/server-sdk/payment";
import type { EmulatorConfig } from "../config.js";
import { nowIso } from "../domain/time.js";
import { webhookHeaders } from "./sign.js";

export interface AttemptLogEntry {
  webhookId: string;
  type: string;
  paymentId?: string;
  url: string;
  /** first = scheduled first execution, retry = scheduled retry, duplicate/resend = extra sends. */
  kind: "first" | "retry" | "duplicate" | "resend";
  /** Execution number as counted in webhooks[].currentExecutionCount (0 = never sent). */
  execution: number;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  /** HTTP status, "timeout", "error: …" or "dropped". */
  outcome: string;
  fault?: string;
}

/** One HTTP POST of a webhook; updates the recorded PaymentWebhook with request and response. */
export async function deliverOnce(
  config: EmulatorConfig,
  webhook: PaymentWebhook,
  body: string,
  kind: AttemptLogEntry["kind"],
  event: { type: string; paymentId?: string },
): Promise<AttemptLogEntry> {
  // Standard Webhooks: same webhook-id on every attempt, fresh timestamp and signature.
  const headers = webhookHeaders(config.webhookSecrets, webhook.id, body);
  const startedAt = nowIso();
  webhook.request = { header: JSON.stringify(headers), body, requestedAt: startedAt };
  let outcome: string;
  let ok = false;
  try {
    const response = await fetch(webhook.url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(config.webhookTimeoutMs),
    });
    const responseBody = await response.text();
    ok = response.ok;
    outcome = String(response.status);
    webhook.status = ok ? "SUCCEEDED" : "FAILED_NOT_OK_RESPONSE";
    webhook.response = {
      code: String(response.status),
      header: JSON.stringify(Object.fromEntries(response.headers)),
      body: responseBody.slice(0, 10_000),
      respondedAt: nowIso(),
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    outcome = timedOut
      ? "timeout"
      : `error: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`;
    webhook.status = "FAILED_UNEXPECTED_ERROR";
    webhook.response = undefined;
  }
  return {
    webhookId: webhook.id,
    type: event.type,
    paymentId: event.paymentId,
    url: webhook.url,
    kind,
    execution: webhook.currentExecutionCount ?? 0,
    startedAt,
    finishedAt: nowIso(),
    ok,
    outcome,
  };
}
