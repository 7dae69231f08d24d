import "server-only";
import type { PortOnePayment } from "./payments";
import type { RefundCancelOutcome } from "./requests";
import type { WebhookCheck } from "./webhook";

export type { PortOnePayment, RefundCancelOutcome, WebhookCheck };

/** What a refund asks of the provider: part of a payment, guarded by what we believe is still cancellable. */
export interface RefundCancelInput {
  paymentId: string;
  amount: number;
  currentCancellableAmount: number;
  reason: string;
  /** Virtual-account payments: where the money goes back (bank by PortOne's V2 code, as the app keeps it). */
  refundAccount?: { bank: string; number: string; holderName: string };
}

export interface PaymentPageOptions {
  pageSize?: number;
  /** Called before each request, so a caller can stop a long walk (its lease lapsed). */
  beforeEachPage?: () => void;
}

/**
 * Everything the app's money path asks of a payment provider, in the app's own shapes. Our
 * paymentId is the provider's order key (V2 paymentId, V1 merchant_uid), so syncPayment, the
 * state machine and the ledger never learn which provider answered. Billing keys and payment
 * schedules are V2's alone and stay outside (lib/portone/billing-keys, payment-schedules).
 */
export interface PaymentProvider {
  readonly name: "v2" | "v1";
  /** The store every payment of ours must name (V2 store id, V1 merchant code). */
  readonly storeId: string;
  /** The provider's real API rather than the emulator: only LIVE channels may then buy points. */
  readonly usesRealApi: boolean;
  /** Tells the provider the amount to expect, so a window opened with another amount is refused. */
  preRegisterAmount(paymentId: string, totalAmount: number, currency: string): Promise<void>;
  /** The payment as the provider has it, or null when it has none by that id (window never opened). */
  fetchPayment(paymentId: string): Promise<PortOnePayment | null>;
  /** Cancels what is still cancellable of a payment we refuse; one already cancelled counts as done. */
  cancelRejectedPayment(paymentId: string, reason: string): Promise<void>;
  /** Closes an issued virtual account; one no longer waiting for a deposit counts as done. */
  closeVirtualAccount(paymentId: string): Promise<void>;
  cancelForRefund(input: RefundCancelInput): Promise<RefundCancelOutcome>;
  /** Every payment that changed in [from, until), a page at a time, each handed over once; returns the count. */
  forEachPaymentPage(
    from: Date,
    until: Date,
    handle: (page: PortOnePayment[]) => Promise<void>,
    options?: PaymentPageOptions,
  ): Promise<number>;
  /** Checks a notice really comes from the provider and says which payment it is about. */
  verifyWebhook(rawBody: string, headers: Record<string, string>): Promise<WebhookCheck>;
}
