import * as PortOne from "@portone/browser-sdk/v2";
import type { BillingKeyIssueRequest } from "@/lib/billing/payment-methods";
import type { Checkout, PaymentRequest, PaymentUIRequest } from "@/lib/payments/checkout/create-checkout";
import { openV1PaymentWindow } from "./iamport-browser";
import { loadScript } from "./load-script";

// The one module that talks to PortOne's browser SDKs: V2's here, V1's iamport.js in ./iamport-browser.

/**
 * With a configured script (the emulator), load it before the SDK's first call: the SDK uses an
 * existing window.PortOne and otherwise fetches PortOne's CDN, caching even a failed load.
 */
function loadConfiguredScript(scriptUrl: string | undefined): Promise<void> {
  if (!scriptUrl || "PortOne" in window) return Promise.resolve();
  return loadScript(scriptUrl);
}

export type PaymentWindowResult =
  | { kind: "approved"; paymentId: string }
  /** `message`: the PG's or PortOne's words, null when they gave none (the page says it in its own). */
  | { kind: "failed"; paymentId: string; message: string | null }
  /** The buyer stopped waiting on our page (cancel); what PortOne has is left to the sync. */
  | { kind: "cancelled"; paymentId: string }
  | { kind: "redirecting" };

/** PortOne's window while it is open, as the charge page can act on it. */
export interface PaymentWindow {
  result: Promise<PaymentWindowResult>;
  /** The popup PortOne opened (PC KakaoPay), once it is open; null for the in-page window. */
  popup(): Window | null;
  /** Stops waiting: closes the popup, and the result settles as cancelled at once. */
  cancel(): void;
}

/** The element PortOne.loadPaymentUI renders a PG's button into (PortOne looks it up by this class). */
export const PAYMENT_UI_CONTAINER_CLASS = "portone-ui-container";

/**
 * Opens the store's payment window: PortOne V2's, PayPal's button (which opens PayPal's window
 * when pressed) rendered into the page's PAYMENT_UI_CONTAINER_CLASS element, or V1's (iamport.js)
 * on a store still on V1. `scriptUrl`: the script the server configured for that provider (the
 * emulator's, or none for V2's own CDN loading).
 */
export function openCheckoutWindow(checkout: Checkout, scriptUrl: string | undefined): PaymentWindow {
  if (checkout.provider === "v1") return openV1PaymentWindow(checkout.paymentId, checkout.request, scriptUrl);
  return watchingPopups(
    "paymentUi" in checkout
      ? (settleWith) => showPaymentButton(checkout.paymentUi, scriptUrl, settleWith)
      : () => fromPaymentWindow(checkout.request, scriptUrl),
    checkout.paymentId,
  );
}

/** PortOne's answer from requestPayment, as the charge page acts on it. */
async function fromPaymentWindow(request: PaymentRequest, scriptUrl: string | undefined): Promise<PaymentWindowResult> {
  await loadConfiguredScript(scriptUrl);
  const response = await PortOne.requestPayment(request);
  // Undefined: the page is navigating to PortOne (phones); the result page takes over.
  if (!response) return { kind: "redirecting" };
  if (response.code !== undefined) {
    const message = response.pgMessage ?? response.message ?? null;
    return { kind: "failed", paymentId: response.paymentId ?? request.paymentId, message };
  }
  return { kind: "approved", paymentId: response.paymentId };
}

/**
 * Renders the PG's button (PayPal's) through loadPaymentUI: the buyer presses it, the PG's window
 * opens, and its outcome arrives through the callbacks, so the result settles from them. A button
 * that cannot be shown (PortOne refused the request) is a failure at once.
 */
async function showPaymentButton(
  request: PaymentUIRequest,
  scriptUrl: string | undefined,
  settleWith: (result: PaymentWindowResult) => void,
): Promise<PaymentWindowResult> {
  await loadConfiguredScript(scriptUrl);
  await PortOne.loadPaymentUI(request, {
    onPaymentSuccess: (response) => settleWith({ kind: "approved", paymentId: response.paymentId }),
    onPaymentFail: (error) =>
      settleWith({
        kind: "failed",
        paymentId: error.paymentId ?? request.paymentId,
        message: error.pgMessage ?? error.message ?? null,
      }),
  });
  // Pending until a callback settles the window.
  return new Promise<PaymentWindowResult>(() => undefined);
}

/**
 * Runs one of PortOne's windows. The SDK gives no handle on a popup it opens, yet the buyer needs
 * a way to bring it back to the front or give up on it, so window.open is watched while it runs.
 * The scriptUrl the windows load: NEXT_PUBLIC_PORTONE_SDK_URL as the server read it when it
 * started (not inlined by the build), so one build can run against another stand-in.
 */
function watchingPopups(
  run: (settleWith: (result: PaymentWindowResult) => void) => Promise<PaymentWindowResult>,
  paymentId: string,
): PaymentWindow {
  let popup: Window | null = null;
  let settle: (result: PaymentWindowResult) => void = () => undefined;
  const originalOpen = window.open;
  const restoreOpen = () => {
    if (window.open !== originalOpen) window.open = originalOpen;
  };
  window.open = function watchedOpen(...args: Parameters<typeof window.open>) {
    const opened = originalOpen.apply(window, args);
    if (opened) popup = opened;
    return opened;
  };

  const settled = new Promise<PaymentWindowResult>((resolve) => {
    settle = resolve;
  });
  const result = Promise.race([run(settle), settled]).finally(restoreOpen);
  return {
    result,
    popup: () => (popup && !popup.closed ? popup : null),
    cancel: () => {
      if (popup && !popup.closed) popup.close();
      settle({ kind: "cancelled", paymentId });
    },
  };
}

export type BillingKeyWindowResult =
  { kind: "issued"; billingKey: string } | { kind: "failed"; message: string | null } | { kind: "redirecting" };

/** Opens PortOne's card registration window (requestIssueBillingKey); phones leave for PortOne's page. */
export async function openBillingKeyWindow(
  request: BillingKeyIssueRequest,
  scriptUrl: string | undefined,
): Promise<BillingKeyWindowResult> {
  await loadConfiguredScript(scriptUrl);
  const response = await PortOne.requestIssueBillingKey(request);
  if (!response) return { kind: "redirecting" };
  if (response.code !== undefined || !response.billingKey) {
    return { kind: "failed", message: response.pgMessage ?? response.message ?? null };
  }
  return { kind: "issued", billingKey: response.billingKey };
}
