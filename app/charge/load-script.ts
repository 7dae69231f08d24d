// A script that neither loads nor fails (PortOne unreachable behind a silent network) would
// otherwise leave the buyer waiting for the browser's own timeout, minutes later.
const SCRIPT_TIMEOUT_MS = 15_000;

/** PortOne's browser script (or iamport.js) did not load: the page says so in the buyer's language. */
export class PaymentModuleUnavailable extends Error {
  constructor() {
    super("the payment module could not be loaded");
  }
}

/** Adds a script to the page; fails after SCRIPT_TIMEOUT_MS with PaymentModuleUnavailable. */
export function loadScript(scriptUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    const fail = () => {
      script.remove();
      reject(new PaymentModuleUnavailable());
    };
    const timer = setTimeout(fail, SCRIPT_TIMEOUT_MS);
    script.src = scriptUrl;
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      fail();
    };
    document.head.appendChild(script);
  });
}
