import type { Payment } from "@portone/server-sdk/payment";
import type { PaymentSchedule } from "@portone/server-sdk/payment/paymentSchedule";
import type { AttemptLogEntry } from "./webhooks/delivery.js";

/** One delivery attempt of a webhook, as `GET /__emulator/webhooks` lists it. */
export type WebhookDelivery = AttemptLogEntry;

/** Faults name one payment, or `global: true` for every call (tests sharing an emulator use paymentIds). */
type Scope = { paymentId: string } | { global: true };

export type ApiFaultInput = Scope & {
  kind: "error" | "hang" | "stale";
  count?: number;
  status?: number;
  hangMs?: number;
  /** As in PortOne's docs, e.g. "POST /payments/{paymentId}/cancel". */
  endpoint?: string;
};
export type CancellationFaultInput = Scope & {
  outcome: "pending" | "fail";
  count?: number;
  settle?: "succeed" | "fail";
  settleAfterMs?: number;
};
export type CardDeclineInput = {
  /** How many of the key's next payments are declined (default 1). */
  count?: number;
  /** The PG's code and message PortOne relays (default REJECT_CARD_PAYMENT, insufficient funds). */
  pgCode?: string;
  pgMessage?: string;
};
export type WebhookFaultInput = Scope & {
  mode: "drop" | "duplicate" | "reorder" | "delay";
  count?: number;
  delayMs?: number;
};

/**
 * What a tester does at PortOne's side of a running emulator, over HTTP: test deposits, console
 * cancels, faults, and the webhooks it sent. Works against any emulator URL, from any test runner.
 */
export class EmulatorControl {
  constructor(readonly url: string) {}

  private async call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const method = init.method ?? (init.body === undefined ? "GET" : "POST");
    const response = await fetch(`${this.url}/__emulator${path}`, {
      method,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`portone-emulator ${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The payment as PortOne's REST API answers it. */
  payment(paymentId: string): Promise<Payment> {
    return this.call(`/payments/${encodeURIComponent(paymentId)}`);
  }

  /** The test deposit into an issued virtual account (the console's 테스트 입금 통지). */
  async deposit(paymentId: string): Promise<void> {
    await this.call(`/payments/${encodeURIComponent(paymentId)}/deposit`, { method: "POST" });
  }

  /** The account's due date passes now; deposits are refused from then on. */
  async expireVirtualAccount(paymentId: string): Promise<void> {
    await this.call(`/payments/${encodeURIComponent(paymentId)}/expire-virtual-account`, { method: "POST" });
  }

  /** The merchant cancels in PortOne's console (all that is left, or `amount`); trigger CONSOLE. */
  async cancelFromConsole(paymentId: string, options: { amount?: number; reason?: string } = {}): Promise<void> {
    const response = await fetch(`${this.url}/console/payments/${encodeURIComponent(paymentId)}/cancel`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        amount: options.amount === undefined ? "" : String(options.amount),
        reason: options.reason ?? "콘솔에서 취소",
      }).toString(),
      redirect: "manual",
    });
    const message = new URL(response.headers.get("location") ?? "", this.url).searchParams.get("message") ?? "";
    if (response.status !== 303 || message.startsWith("실패")) {
      throw new Error(`portone-emulator console cancel of ${paymentId}: ${message || response.status}`);
    }
  }

  /** The PG's late answer to a cancellation left REQUESTED. */
  async settleCancellation(paymentId: string, cancellationId: string, outcome: "succeed" | "fail"): Promise<void> {
    await this.call(
      `/payments/${encodeURIComponent(paymentId)}/cancellations/${encodeURIComponent(cancellationId)}/settle`,
      { body: { outcome } },
    );
  }

  /** The payment schedule as PortOne's REST API answers it. */
  paymentSchedule(scheduleId: string): Promise<PaymentSchedule> {
    return this.call(`/payment-schedules/${encodeURIComponent(scheduleId)}`);
  }

  /** Runs one SCHEDULED schedule now, whatever its timeToPay; answers it SUCCEEDED or FAILED. */
  runPaymentSchedule(scheduleId: string): Promise<PaymentSchedule> {
    return this.call(`/payment-schedules/${encodeURIComponent(scheduleId)}/run`, { method: "POST" });
  }

  /** Moves the schedules' clock to `until` (default now): every schedule due by then runs, oldest first. */
  async runDuePaymentSchedules(until?: Date | string): Promise<PaymentSchedule[]> {
    const body = until === undefined ? {} : { until: typeof until === "string" ? until : until.toISOString() };
    return (await this.call<{ ran: PaymentSchedule[] }>("/payment-schedules/run-due", { body })).ran;
  }

  /** The card company declines the key's next payments (immediate and scheduled) with PG_PROVIDER. */
  async declineBillingKey(billingKey: string, decline: CardDeclineInput = {}): Promise<void> {
    await this.call(`/billing-keys/${encodeURIComponent(billingKey)}/decline`, { body: decline });
  }

  /** The card behind the key expires now: every later payment with it is declined. */
  async expireBillingKeyCard(billingKey: string): Promise<void> {
    await this.call(`/billing-keys/${encodeURIComponent(billingKey)}/expire`, { method: "POST" });
  }

  /** The merchant deletes the key in PortOne's console (BillingKey.Deleted follows). */
  async deleteBillingKeyFromConsole(billingKey: string): Promise<void> {
    const response = await fetch(`${this.url}/console/billing-keys/${encodeURIComponent(billingKey)}/delete`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    const message = new URL(response.headers.get("location") ?? "", this.url).searchParams.get("message") ?? "";
    if (response.status !== 303 || message.startsWith("실패")) {
      throw new Error(`portone-emulator console deletion of ${billingKey}: ${message || response.status}`);
    }
  }

  /** Every webhook delivery attempt (of one payment, when given), oldest first. */
  async webhooks(paymentId?: string): Promise<WebhookDelivery[]> {
    const query = paymentId ? `?paymentId=${encodeURIComponent(paymentId)}` : "";
    return (await this.call<{ attempts: WebhookDelivery[] }>(`/webhooks${query}`)).attempts;
  }

  async faultApi(fault: ApiFaultInput): Promise<void> {
    await this.call("/faults/api", { body: fault });
  }

  async faultCancellations(fault: CancellationFaultInput): Promise<void> {
    await this.call("/faults/cancellations", { body: fault });
  }

  async faultWebhooks(fault: WebhookFaultInput): Promise<void> {
    await this.call("/faults/webhooks", { body: fault });
  }

  /** Clears the faults of one payment, or all of them. */
  async clearFaults(paymentId?: string): Promise<void> {
    await this.call(`/faults${paymentId ? `?paymentId=${encodeURIComponent(paymentId)}` : ""}`, { method: "DELETE" });
  }

  /** Forgets every payment, billing key, schedule, window, fault and pending webhook. */
  async reset(): Promise<void> {
    await this.call("/reset", { method: "POST" });
  }
}
