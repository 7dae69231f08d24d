import { PaymentClient } from "@portone/server-sdk";

/**
 * PortOne's side of a history, over the emulator's HTTP endpoints: the checkout window (as the
 * browser script drives it), the console, the control API's faults, and the REST API through the
 * official server SDK for what PortOne finally holds.
 */
export type WindowOutcome = "approve" | "decline" | "close" | "issue";

const CHECKOUT_BUTTONS: Record<WindowOutcome, string> = {
  approve: "approve",
  decline: "decline",
  close: "cancel",
  issue: "issue",
};

export class EmulatorClient {
  private readonly payments;

  constructor(
    readonly url: string,
    apiSecret: string,
  ) {
    this.payments = PaymentClient({ secret: apiSecret, baseUrl: url });
  }

  private async control(path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.url}/__emulator${path}`, {
      method: body === undefined ? "GET" : "POST",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 500) throw new Error(`emulator ${path} answered ${response.status}`);
    return response;
  }

  /** Opens PortOne's window for the app's PaymentRequest; redirection for a phone. Answers the txId. */
  async openWindow(request: Record<string, unknown>, phone: boolean): Promise<string> {
    const response = await fetch(`${this.url}/checkout-api/payments`, {
      method: "POST",
      body: JSON.stringify({
        request,
        mode: phone ? "REDIRECTION" : "IFRAME",
        parentOrigin: "http://localhost",
        pageUrl: "http://localhost/charge",
      }),
    });
    const { txId } = (await response.json()) as { txId?: string };
    if (!response.ok || !txId) throw new Error(`PortOne's window refused the request (${response.status})`);
    return txId;
  }

  /** PortOne's card registration window (requestIssueBillingKey), opened as a phone does: it redirects back. */
  async openBillingKeyWindow(request: Record<string, unknown>): Promise<string> {
    const response = await fetch(`${this.url}/checkout-api/billing-keys`, {
      method: "POST",
      body: JSON.stringify({
        request,
        mode: "REDIRECTION",
        parentOrigin: "http://localhost",
        pageUrl: "http://localhost/account/payment-methods",
      }),
    });
    const { txId } = (await response.json()) as { txId?: string };
    if (!response.ok || !txId) throw new Error(`PortOne's billing-key window refused the request (${response.status})`);
    return txId;
  }

  /** The tester's button in the window; for a phone, where PortOne sends the page back to. */
  async answerWindow(txId: string, outcome: WindowOutcome): Promise<string | null> {
    const response = await fetch(`${this.url}/checkout/${txId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ outcome: CHECKOUT_BUTTONS[outcome] }).toString(),
      redirect: "manual",
    });
    if (response.status >= 400) throw new Error(`PortOne's window failed (${response.status})`);
    await response.body?.cancel();
    return response.headers.get("location");
  }

  deposit = (paymentId: string) => this.control(`/payments/${paymentId}/deposit`, {});
  expireAccount = (paymentId: string) => this.control(`/payments/${paymentId}/expire-virtual-account`, {});
  apiFault = (body: Record<string, unknown>) => this.control("/faults/api", body);
  webhookFault = (body: Record<string, unknown>) => this.control("/faults/webhooks", body);
  cancellationFault = (body: Record<string, unknown>) => this.control("/faults/cancellations", body);
  settleCancellation = (paymentId: string, cancellationId: string, outcome: "succeed" | "fail") =>
    this.control(`/payments/${paymentId}/cancellations/${cancellationId}/settle`, { outcome });
  reset = () => this.control("/reset", {});
  declineCard = (billingKey: string, count: number) => this.control(`/billing-keys/${billingKey}/decline`, { count });

  async liftFaults(): Promise<void> {
    await fetch(`${this.url}/__emulator/faults`, { method: "DELETE" });
  }

  /** An operator's 결제 취소 in the console: everything left, or `amount`. */
  async consoleCancel(paymentId: string, amount?: number): Promise<boolean> {
    const response = await fetch(`${this.url}/console/payments/${paymentId}/cancel`, {
      method: "POST",
      body: new URLSearchParams(amount === undefined ? {} : { amount: String(amount) }).toString(),
      redirect: "manual",
    });
    return !decodeURIComponent(response.headers.get("location") ?? "").includes("실패");
  }

  /** The emulator's raw view (no faults apply to the control API). */
  async rawPayment(paymentId: string): Promise<RawPayment | null> {
    const response = await this.control(`/payments/${paymentId}`);
    return response.ok ? ((await response.json()) as RawPayment) : null;
  }

  /** Every delivery attempt of the payment's webhooks, with the app's answer (`outcome`). */
  async webhooks(paymentId: string): Promise<WebhookAttempt[]> {
    const answer = (await (await this.control(`/webhooks?paymentId=${encodeURIComponent(paymentId)}`)).json()) as {
      attempts: WebhookAttempt[];
    };
    return answer.attempts;
  }

  /** What PortOne's REST API answers, through the official SDK. */
  async payment(paymentId: string): Promise<RawPayment | null> {
    try {
      return (await this.payments.getPayment({ paymentId })) as unknown as RawPayment;
    } catch {
      return null;
    }
  }
}

export interface RawPayment {
  id: string;
  status: string;
  amount?: { total: number; paid: number; cancelled: number };
  method?: { type?: string; expiredAt?: string };
  cancellations?: { id: string; status: string; totalAmount: number }[];
}

export interface WebhookAttempt {
  type: string;
  paymentId: string;
  outcome: string;
}
