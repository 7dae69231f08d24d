import { CheckoutError, type Fields } from "./request-checks.js";

// loadPaymentUI's request is requestPayment's without payMethod and windowType: PortOne's PayPal
// guide says uiType is required (PAYPAL_SPB for a payment), payMethod and windowType may be left
// out, and a windowType other than UI on PC or mobile is an error.

const UI_TYPES = ["PAYPAL_SPB"];

const plainWindowType = (value: unknown) => String(value).replace(/^WINDOW_TYPE_/, "");

/** The request as a PayPal payment request (payMethod PAYPAL), or a CheckoutError. */
export function readPaymentUIRequest(request: Fields): Fields {
  if (!UI_TYPES.includes(String(request.uiType).replace(/^PAYMENT_UI_TYPE_/, ""))) {
    throw new CheckoutError("BadRequest", `지원하지 않는 uiType입니다: ${String(request.uiType)} (지원: PAYPAL_SPB)`);
  }
  const windowType = request.windowType as { pc?: unknown; mobile?: unknown } | undefined;
  for (const value of [windowType?.pc, windowType?.mobile]) {
    if (value !== undefined && plainWindowType(value) !== "UI") {
      throw new CheckoutError("BadRequest", `loadPaymentUI의 windowType은 UI여야 합니다: ${String(value)}`);
    }
  }
  return { ...request, payMethod: request.payMethod ?? "PAYPAL" };
}
