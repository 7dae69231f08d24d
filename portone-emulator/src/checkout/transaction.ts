import type { EmulatorPayMethod } from "../config.js";
import type { WindowLanguage } from "./window-language.js";

export type WindowMode = "IFRAME" | "POPUP" | "REDIRECTION";

/** Result handed back to the merchant page (PaymentResponse / IssueBillingKeyResponse shape). */
export type CheckoutResult = Record<string, string>;

/** One opened checkout window (a PortOne "transaction" attempt). */
export interface CheckoutTransaction {
  txId: string;
  kind: "PAYMENT" | "ISSUE_BILLING_KEY";
  paymentId?: string;
  channelKey: string;
  payMethod: EmulatorPayMethod;
  mode: WindowMode;
  /** The window's language, from the request's `locale`. */
  language: WindowLanguage;
  /** Origin of the merchant page; results are posted only there. */
  parentOrigin: string;
  redirectUrl?: string;
  /** Suggested virtual-account due date (YYYY-MM-DD, KST) from accountExpiry, for the window. */
  dueDate?: string;
  /** The exact expiry accountExpiry asked for; kept unless the tester picks another day. */
  expiresAt?: string;
  issueName?: string;
  /** The billing key reserved for an issuing window (named by BillingKey.Ready). */
  billingKey?: string;
  /** requestIssueBillingKey's request, kept until the window answers. */
  billingKeyRequest?: Record<string, unknown>;
  result?: CheckoutResult;
  createdAt: number;
}
