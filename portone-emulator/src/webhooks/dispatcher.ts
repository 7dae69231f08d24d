import type { PaymentWebhook, PaymentWebhookTrigger } from "@portone/server-sdk/payment";
import type { EmulatorConfig } from "../config.js";
import type { FaultBook, WebhookFault } from "../control/faults.js";
import { newWebhookId } from "../domain/ids.js";
import { nowIso } from "../domain/time.js";
import { MAX_WEBHOOK_EXECUTIONS, retryDelayMs } from "./schedule.js";
import { deliverOnce, type AttemptLogEntry } from "./delivery.js";

export interface WebhookEvent {
  /** e.g. "Transaction.Paid", "BillingKey.Issued". */
  type: string;
  data: Record<string, string>;
  /** Request's noticeUrls; empty or undefined = the configured webhook URL. */
  noticeUrls?: string[];
  paymentId?: string;
  paymentStatus?: string;
  trigger?: PaymentWebhookTrigger;
  /** The payment's webhooks[]: each message is recorded there and updated per attempt. */
  recordInto?: PaymentWebhook[];
  /** Called after every attempt so that persisted state follows. */
  onChange?: () => void;
}

const MAX_LOGGED_ATTEMPTS = 10_000;

interface Message {
  event: WebhookEvent;
  webhook: PaymentWebhook;
  body: string;
}

/** Sends webhooks with PortOne's retry schedule and applies injected webhook faults. */
export class WebhookDispatcher {
  readonly attempts: AttemptLogEntry[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private held: { message: Message; release: () => void }[] = [];
  private stopped = false;

  constructor(
    private readonly config: EmulatorConfig,
    private readonly faults: FaultBook,
  ) {}

  /** Creates one message per target URL and starts delivering it. */
  send(event: WebhookEvent): PaymentWebhook[] {
    const urls = event.noticeUrls && event.noticeUrls.length > 0 ? event.noticeUrls : [this.config.webhookUrl];
    // Webhook body version 2024-04-25: the timestamp stays the same across retries.
    const body = JSON.stringify({ type: event.type, timestamp: nowIso(), data: event.data });
    return urls
      .filter((url) => url !== "")
      .map((url) => {
        const webhook: PaymentWebhook = {
          id: newWebhookId(),
          url,
          paymentStatus: event.paymentStatus,
          // Webhooks caused by an event after the payment call (a deposit, …) are the asynchronous ones.
          isAsync: event.trigger !== undefined && event.trigger !== "MANUAL",
          currentExecutionCount: 0,
          maxExecutionCount: MAX_WEBHOOK_EXECUTIONS,
          trigger: event.trigger,
          triggeredAt: nowIso(),
          // Kept from the start so that even a dropped message can be resent.
          request: { body },
        };
        event.recordInto?.push(webhook);
        this.start({ event, webhook, body }, this.faults.takeWebhookFault(event.paymentId));
        return webhook;
      });
  }

  /** Manual resend (console or REST): one immediate execution, outside the retry schedule. */
  async resend(webhook: PaymentWebhook, event: WebhookEvent, body: string): Promise<void> {
    await this.attempt({ event, webhook, body }, "resend", false);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = [];
  }

  clearPending(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = [];
    this.attempts.length = 0;
  }

  private start(message: Message, fault: WebhookFault | undefined): void {
    const first = () => this.attempt(message, "first", true);
    if (fault?.mode === "drop") {
      this.log(message, { outcome: "dropped", fault: "drop" });
      return;
    }
    if (fault?.mode === "reorder") {
      // Hold this message until a later one has been delivered (or the hold times out).
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        void first();
      };
      this.held.push({ message, release });
      this.later(fault.delayMs, release);
      return;
    }
    // Messages held before this one go out after it: that is the reordering.
    const heldBefore = this.held;
    this.held = [];
    const releaseHeld = () => heldBefore.forEach((entry) => entry.release());
    if (fault?.mode === "delay") {
      this.later(fault.delayMs, () => void first().then(releaseHeld));
    } else if (fault?.mode === "duplicate") {
      void first()
        .then(() => this.attempt(message, "duplicate", false))
        .then(releaseHeld);
    } else {
      void first().then(releaseHeld);
    }
  }

  private async attempt(message: Message, kind: AttemptLogEntry["kind"], scheduleRetry: boolean): Promise<void> {
    if (this.stopped) return;
    const { webhook } = message;
    webhook.currentExecutionCount = (webhook.currentExecutionCount ?? 0) + 1;
    const entry = await deliverOnce(this.config, webhook, message.body, kind, message.event);
    this.record(entry);
    message.event.onChange?.();
    if (!scheduleRetry || entry.ok || this.stopped) return;
    const delay = retryDelayMs(webhook.currentExecutionCount + 1, this.config.retryScale);
    if (delay === undefined) return;
    this.later(delay, () => void this.attempt(message, "retry", true));
  }

  /** Keeps the newest attempts only, so a long-running dev emulator does not grow without bound. */
  private record(entry: AttemptLogEntry): void {
    this.attempts.push(entry);
    if (this.attempts.length > MAX_LOGGED_ATTEMPTS) this.attempts.splice(0, this.attempts.length - MAX_LOGGED_ATTEMPTS);
  }

  private log(message: Message, extra: Pick<AttemptLogEntry, "outcome" | "fault">): void {
    this.record({
      webhookId: message.webhook.id,
      type: message.event.type,
      paymentId: message.event.paymentId,
      url: message.webhook.url,
      kind: "first",
      execution: 0,
      startedAt: nowIso(),
      finishedAt: nowIso(),
      ok: false,
      ...extra,
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}
