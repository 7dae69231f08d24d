import type { V1PaymentRequest } from "@/lib/payments/checkout/v1-request";
import { rememberLeftForPortOne } from "./left-for-portone";
import { loadScript, PaymentModuleUnavailable } from "./load-script";
import type { PaymentWindow, PaymentWindowResult } from "./portone-browser";

// PortOne V1's browser script (iamport.js) for a store still on V1: IMP.init, IMP.request_pay.

/** request_pay's callback: older PGs answer `success` (or `imp_success`), newer ones only ids and, on failure, an error. */
interface V1Response {
  success?: boolean;
  imp_success?: boolean;
  imp_uid?: string | null;
  merchant_uid?: string | null;
  error_code?: string | null;
  error_msg?: string | null;
}

interface Iamport {
  init(impCode: string): void;
  request_pay(params: V1PaymentRequest["params"], callback: (response: V1Response) => void): void;
}

const iamport = () => (window as unknown as { IMP?: Iamport }).IMP;

/** A failure as every PG reports one: an error, or success said to be false. PortOne says check error_code. */
export function v1Failed(response: V1Response): boolean {
  return (
    Boolean(response.error_code || response.error_msg) || response.success === false || response.imp_success === false
  );
}

/**
 * Opens V1's window for a checkout the server prepared. On a phone (and for PGs that always
 * redirect) iamport.js leaves the page for the PG and comes back to m_redirect_url, and the
 * callback never runs: the page's hiding says so, and the charge page learns of it on return.
 */
export function openV1PaymentWindow(
  paymentId: string,
  request: V1PaymentRequest,
  scriptUrl: string | undefined,
): PaymentWindow {
  let settle: (result: PaymentWindowResult) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const settled = new Promise<PaymentWindowResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const leaving = () => {
    rememberLeftForPortOne(paymentId);
    settle({ kind: "redirecting" });
  };
  window.addEventListener("pagehide", leaving, { once: true });

  void (async () => {
    if (!iamport()) await loadScript(scriptUrl ?? "https://cdn.iamport.kr/v1/iamport.js");
    const IMP = iamport();
    if (!IMP) throw new PaymentModuleUnavailable();
    IMP.init(request.impCode);
    IMP.request_pay(request.params, (response) => {
      if (!v1Failed(response)) return settle({ kind: "approved", paymentId });
      settle({ kind: "failed", paymentId, message: response.error_msg ?? null });
    });
  })().catch(fail); // the window never opened: the charge page says so and ends the attempt

  return {
    result: settled.finally(() => window.removeEventListener("pagehide", leaving)),
    popup: () => null,
    cancel: () => settle({ kind: "cancelled", paymentId }),
  };
}
