import { randomUUID } from "node:crypto";

// Injected failures. Each fault targets one paymentId, or every call when explicitly global,
// so that several test files can share one emulator without hitting each other's faults.

export interface FaultScope {
  /** Only calls/webhooks about this payment; undefined = global. */
  paymentId?: string;
}

export interface ApiFault extends FaultScope {
  id: string;
  /** "stale": `GET /payments/{paymentId}` answers what it answered last time (reads lag behind writes). */
  kind: "error" | "hang" | "stale";
  /** How many more calls this fault will affect. */
  remaining: number;
  /** HTTP status for kind "error" (5xx). */
  status: number;
  /** Delay for kind "hang" before the call is served normally. */
  hangMs: number;
  /** Only this endpoint, as PortOne's docs write it: e.g. "POST /payments/{paymentId}/cancel". Undefined = any. */
  endpoint?: string;
}

export type WebhookFaultMode = "drop" | "duplicate" | "reorder" | "delay";

export interface WebhookFault extends FaultScope {
  id: string;
  mode: WebhookFaultMode;
  remaining: number;
  /** "delay": wait before the first attempt; "reorder": longest hold when no later webhook comes. */
  delayMs: number;
}

/** How the next API cancels (not the console's) end, like a PG that refunds asynchronously or refuses. */
export interface CancelFault extends FaultScope {
  id: string;
  /** "pending": REQUESTED now, settled later; "fail": FAILED at once. */
  outcome: "pending" | "fail";
  remaining: number;
  /** For "pending": how the cancellation settles by itself after settleAfterMs; none = only by the control API. */
  settle?: "succeed" | "fail";
  settleAfterMs: number;
}

/** The card company declines the next payments with one billing key (insufficient funds, a stopped card, …). */
export interface CardDecline {
  id: string;
  billingKey: string;
  remaining: number;
  pgCode: string;
  pgMessage: string;
}

export class FaultBook {
  private apiFaults: ApiFault[] = [];
  private cardDeclines: CardDecline[] = [];
  private webhookFaults: WebhookFault[] = [];
  private cancelFaults: CancelFault[] = [];

  addApiFault(fault: Omit<ApiFault, "id">): ApiFault {
    const created = { ...fault, id: randomUUID() };
    this.apiFaults.push(created);
    return created;
  }

  addWebhookFault(fault: Omit<WebhookFault, "id">): WebhookFault {
    const created = { ...fault, id: randomUUID() };
    this.webhookFaults.push(created);
    return created;
  }

  addCancelFault(fault: Omit<CancelFault, "id">): CancelFault {
    const created = { ...fault, id: randomUUID() };
    this.cancelFaults.push(created);
    return created;
  }

  addCardDecline(decline: Omit<CardDecline, "id">): CardDecline {
    const created = { ...decline, id: randomUUID() };
    this.cardDeclines.push(created);
    return created;
  }

  /** Consumes one decline of this billing key, if any is left. */
  takeCardDecline(billingKey: string): CardDecline | undefined {
    const decline = this.cardDeclines.find((candidate) => candidate.billingKey === billingKey);
    if (!decline) return undefined;
    decline.remaining -= 1;
    if (decline.remaining <= 0) this.cardDeclines = this.cardDeclines.filter((candidate) => candidate !== decline);
    return decline;
  }

  takeCancelFault(paymentId: string): CancelFault | undefined {
    return take(this.cancelFaults, paymentId, (remaining) => (this.cancelFaults = remaining));
  }

  /** Consumes one use of the first fault matching this call, if any. */
  takeApiFault(paymentId: string | undefined, endpoint: string): ApiFault | undefined {
    const matching = this.apiFaults.filter((fault) => fault.endpoint === undefined || fault.endpoint === endpoint);
    const fault = take(matching, paymentId, () => undefined);
    if (fault && fault.remaining <= 0) this.apiFaults = this.apiFaults.filter((candidate) => candidate !== fault);
    return fault;
  }

  takeWebhookFault(paymentId: string | undefined): WebhookFault | undefined {
    return take(this.webhookFaults, paymentId, (remaining) => (this.webhookFaults = remaining));
  }

  list(): { api: ApiFault[]; webhooks: WebhookFault[]; cancellations: CancelFault[]; cardDeclines: CardDecline[] } {
    return {
      api: [...this.apiFaults],
      webhooks: [...this.webhookFaults],
      cancellations: [...this.cancelFaults],
      cardDeclines: [...this.cardDeclines],
    };
  }

  clear(paymentId?: string): void {
    if (paymentId === undefined) {
      this.apiFaults = [];
      this.webhookFaults = [];
      this.cancelFaults = [];
      this.cardDeclines = [];
      return;
    }
    this.apiFaults = this.apiFaults.filter((fault) => fault.paymentId !== paymentId);
    this.webhookFaults = this.webhookFaults.filter((fault) => fault.paymentId !== paymentId);
    this.cancelFaults = this.cancelFaults.filter((fault) => fault.paymentId !== paymentId);
  }
}

function take<T extends FaultScope & { remaining: number }>(
  faults: T[],
  paymentId: string | undefined,
  replace: (remaining: T[]) => void,
): T | undefined {
  // A fault for this very payment wins over a global one.
  const fault =
    faults.find((candidate) => paymentId !== undefined && candidate.paymentId === paymentId) ??
    faults.find((candidate) => candidate.paymentId === undefined);
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) replace(faults.filter((candidate) => candidate !== fault));
  return fault;
}
