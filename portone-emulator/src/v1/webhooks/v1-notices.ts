import { newWebhookId } from "../../domain/ids.js";
import type { EmulatorConfig } from "../../config.js";
import { unixNow, type V1PaymentRecord, type V1WebhookLog } from "../domain/v1-payment.js";

/** One minute between V1 retries (times retryScale), the interval PortOne uses when a store asks for retries. */
const V1_RETRY_WAIT_MS = 60_000;

/**
 * V1 notices: an unsigned POST of `{imp_uid, merchant_uid, status[, cancellation_id]}` as JSON or
 * as a form, to the request's notice_url(s) or else the configured V1 URL. A failed attempt
 * (non-2xx, timeout, network) is retried `v1WebhookRetries` times.
 */
export class V1Notices {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly config: EmulatorConfig,
    private readonly onChange: () => void,
  ) {}

  send(record: V1PaymentRecord, extra: Record<string, string> = {}): V1WebhookLog[] {
    const urls = record.noticeUrls.length > 0 ? record.noticeUrls : [this.config.v1WebhookUrl];
    const body = { imp_uid: record.imp_uid, merchant_uid: record.merchant_uid, status: record.status, ...extra };
    return urls
      .filter((url) => url !== "")
      .map((url) => {
        const log: V1WebhookLog = { id: newWebhookId(), url, body, attempts: [] };
        record.webhooks.push(log);
        void this.attempt(log, 0);
        return log;
      });
  }

  stop(): void {
    this.stopped = true;
    this.clearPending();
  }

  clearPending(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(log: V1WebhookLog, retriesDone: number): Promise<void> {
    if (this.stopped) return;
    const json = this.config.v1WebhookContentType === "json";
    let outcome: string;
    let ok = false;
    try {
      const response = await fetch(log.url, {
        method: "POST",
        headers: {
          "Content-Type": json ? "application/json" : "application/x-www-form-urlencoded",
          "User-Agent": "PortOne-Emulator-Webhook/v1",
        },
        body: json ? JSON.stringify(log.body) : new URLSearchParams(log.body).toString(),
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
      });
      await response.text();
      ok = response.ok;
      outcome = String(response.status);
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      outcome = timedOut ? "timeout" : `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (this.stopped) return;
    log.attempts.push({ at: unixNow(), outcome, ok });
    this.onChange();
    if (ok || retriesDone >= this.config.v1WebhookRetries) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(log, retriesDone + 1);
    }, V1_RETRY_WAIT_MS * this.config.retryScale);
    this.timers.add(timer);
  }
}
