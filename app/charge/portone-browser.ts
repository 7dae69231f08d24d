import * as PortOne from "@portone/browser-sdk/v2";
import type { PaymentRequest } from "@/lib/payments/checkout/create-checkout";

// The one module that talks to PortOne's browser SDK.

const EMULATOR_SCRIPT_URL = process.env.NEXT_PUBLIC_PORTONE_SDK_URL;

/**
 * With a configured script (the emulator), load it before the SDK's first call: the SDK uses an
 * existing window.PortOne and otherwise fetches PortOne's CDN, caching even a failed load.
 */
function loadConfiguredScript(): Promise<void> {
  if (!EMULATOR_SCRIPT_URL || "PortOne" in window) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = EMULATOR_SCRIPT_URL;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("결제 모듈을 불러오지 못했습니다."));
    document.head.appendChild(script);
  });
}

export type PaymentWindowResult =
  | { kind: "approved"; paymentId: string }
  | { kind: "failed"; paymentId: string; message: string }
  | { kind: "redirecting" };

export async function openPaymentWindow(request: PaymentRequest): Promise<PaymentWindowResult> {
  await loadConfiguredScript();
  const response = await PortOne.requestPayment(request);
  // Undefined: the page is navigating to PortOne (phones); the result page takes over.
  if (!response) return { kind: "redirecting" };
  if (response.code !== undefined) {
    const message = response.pgMessage ?? response.message ?? "결제가 완료되지 않았습니다.";
    return { kind: "failed", paymentId: response.paymentId ?? request.paymentId, message };
  }
  return { kind: "approved", paymentId: response.paymentId };
}
