// A script that neither loads nor fails (PortOne unreachable behind a silent network) would
// otherwise leave the buyer waiting for the browser's own timeout, minutes later.
const SCRIPT_TIMEOUT_MS = 15_000;

/** Adds a script to the page; fails after SCRIPT_TIMEOUT_MS with what the buyer can do. */
export function loadScript(scriptUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    const fail = () => {
      script.remove();
      reject(new Error("결제 모듈을 불러오지 못했습니다. 잠시 후 다시 시도해 주세요."));
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
