// Stand-in for https://cdn.portone.io/v2/browser-sdk.js, served by the local PortOne emulator.
// It defines window.PortOne, which the unmodified @portone/browser-sdk package picks up.
// Everything talks to the emulator's own origin (where this script came from), not the page's.
(function () {
  "use strict";

  // currentScript is null for module scripts; then look for our own tag by its path.
  const script = document.currentScript || document.querySelector('script[src$="/v2/browser-sdk.js"]');
  const ORIGIN = new URL(script && script.src ? script.src : window.location.href).origin;
  const FRAME_TITLE = "PortOne 테스트 결제창";

  // Error objects the package's guards (isPaymentError, …) recognise: they check __portOneErrorType.
  class EmulatorPortOneError extends Error {
    constructor(errorType, transactionType, fields) {
      super(fields.message);
      this.__portOneErrorType = errorType;
      if (transactionType) this.transactionType = transactionType;
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) this[key] = value;
      }
    }
  }

  const isMobile = () => /Android|iPhone|iPad|iPod|Mobile/i.test(navigator.userAgent);

  function normaliseWindowType(value) {
    const plain = String(value || "").replace(/^WINDOW_TYPE_/, "");
    return plain === "POPUP" || plain === "REDIRECTION" ? plain : "IFRAME";
  }

  // PC: windowType.pc (default iframe). Phone: windowType.mobile (default redirection when a
  // redirectUrl is given). forceRedirect with a redirectUrl always redirects.
  function chooseMode(request) {
    const windowType = request.windowType || {};
    if (request.forceRedirect && request.redirectUrl) return "REDIRECTION";
    if (isMobile()) return normaliseWindowType(windowType.mobile || (request.redirectUrl ? "REDIRECTION" : "IFRAME"));
    return normaliseWindowType(windowType.pc);
  }

  async function openTransaction(path, request, errorType, transactionType) {
    if (!request || typeof request !== "object") {
      throw new EmulatorPortOneError(errorType, transactionType, {
        code: "BadRequest",
        message: "요청 객체가 필요합니다.",
      });
    }
    const mode = chooseMode(request);
    let response;
    try {
      // text/plain keeps this a simple cross-origin request (no preflight); the emulator parses JSON anyway.
      response = await fetch(ORIGIN + path, {
        method: "POST",
        headers: { "Content-Type": "text/plain;charset=UTF-8" },
        body: JSON.stringify({
          request,
          mode,
          parentOrigin: window.location.origin,
          pageUrl: window.location.href,
          isMobile: isMobile(),
        }),
      });
    } catch (error) {
      throw new EmulatorPortOneError(errorType, transactionType, {
        code: "UnknownError",
        message: "PortOne 에뮬레이터에 연결할 수 없습니다: " + (error && error.message),
        paymentId: request.paymentId,
      });
    }
    const body = await response.json().catch(() => ({
      code: "UnknownError",
      message: "PortOne 에뮬레이터가 알 수 없는 응답을 보냈습니다. (HTTP " + response.status + ")",
    }));
    if (!response.ok || !body.txId) {
      throw new EmulatorPortOneError(errorType, transactionType, {
        code: body.code,
        message: body.message,
        paymentId: request.paymentId,
      });
    }
    // The window is opened on this script's origin, so its messages can be checked against ORIGIN.
    return {
      mode,
      txId: body.txId,
      paymentId: body.paymentId,
      checkoutUrl: ORIGIN + "/checkout/" + encodeURIComponent(body.txId),
    };
  }

  function showIframe(url) {
    const overlay = document.createElement("div");
    overlay.setAttribute("data-portone-emulator", "checkout");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", FRAME_TITLE);
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;background:rgba(17,24,39,.55);display:flex;align-items:center;justify-content:center;";
    const frame = document.createElement("iframe");
    frame.src = url;
    frame.title = FRAME_TITLE;
    frame.style.cssText =
      "width:min(460px,100vw);height:min(720px,100vh);border:0;border-radius:12px;background:#f3f4f6;";
    // Keyboard users land in the window, as with a PG's own iframe; but a field the user is
    // already typing in (focus inside the frame) must not lose focus when loading finishes.
    frame.addEventListener("load", () => {
      if (document.activeElement !== frame) frame.focus();
    });
    overlay.appendChild(frame);
    (document.body || document.documentElement).appendChild(overlay);
    return overlay;
  }

  async function closeTransaction(txId) {
    const response = await fetch(ORIGIN + "/checkout-api/transactions/" + encodeURIComponent(txId) + "/close", {
      method: "POST",
    });
    const body = await response.json();
    return body.result;
  }

  // Resolves with the result the checkout window posts back, or, when the user closes a popup
  // without choosing, with the cancel result the emulator records for it.
  function waitForResult(opened, cleanUp, popup) {
    return new Promise((resolve) => {
      let done = false;
      let timer;
      const finish = (result) => {
        if (done) return;
        done = true;
        window.removeEventListener("message", onMessage);
        clearInterval(timer);
        cleanUp();
        resolve(result);
      };
      const onMessage = (event) => {
        const data = event.data;
        if (event.origin !== ORIGIN || !data || data.source !== "portone-emulator" || data.txId !== opened.txId) return;
        finish(data.result);
      };
      window.addEventListener("message", onMessage);
      if (popup) {
        timer = setInterval(() => {
          if (!popup.closed || done) return;
          clearInterval(timer);
          closeTransaction(opened.txId).then(finish, () =>
            finish({
              transactionType: "PAYMENT",
              txId: opened.txId,
              paymentId: opened.paymentId,
              code: "FAILURE_TYPE_PG",
              message: "결제창이 닫혔습니다.",
            }),
          );
        }, 250);
      }
    });
  }

  function runWindow(opened) {
    if (opened.mode === "REDIRECTION") {
      // The page leaves; like the real SDK, the promise settles with undefined.
      window.location.href = opened.checkoutUrl;
      return Promise.resolve(undefined);
    }
    if (opened.mode === "POPUP") {
      const popup = window.open(opened.checkoutUrl, "portone-emulator-" + opened.txId, "width=480,height=760");
      if (popup) {
        return waitForResult(
          opened,
          () => {
            if (!popup.closed) popup.close();
          },
          popup,
        );
      }
      // Popup blocked: fall back to the iframe, as PG windows usually do.
    }
    const overlay = showIframe(opened.checkoutUrl);
    return waitForResult(opened, () => overlay.remove(), null);
  }

  async function requestPayment(request) {
    return runWindow(await openTransaction("/checkout-api/payments", request, "PaymentError", "PAYMENT"));
  }

  async function requestIssueBillingKey(request) {
    return runWindow(
      await openTransaction("/checkout-api/billing-keys", request, "IssueBillingKeyError", "ISSUE_BILLING_KEY"),
    );
  }

  const unsupported = (name, errorType, transactionType) => () =>
    Promise.reject(
      new EmulatorPortOneError(errorType, transactionType, {
        code: "BadRequest",
        message:
          name + "은(는) PortOne 에뮬레이터에서 지원하지 않습니다. (" + name + " is not supported by the emulator)",
      }),
    );

  window.PortOne = Object.freeze({
    requestPayment,
    requestIssueBillingKey,
    requestIssueBillingKeyAndPay: unsupported(
      "requestIssueBillingKeyAndPay",
      "IssueBillingKeyAndPayError",
      "ISSUE_BILLING_KEY_AND_PAY",
    ),
    requestIdentityVerification: unsupported(
      "requestIdentityVerification",
      "IdentityVerificationError",
      "IDENTITY_VERIFICATION",
    ),
    loadPaymentUI: unsupported("loadPaymentUI", "LoadPaymentUIError", "PAYMENT"),
    loadIssueBillingKeyUI: unsupported("loadIssueBillingKeyUI", "LoadIssueBillingKeyUIError", "ISSUE_BILLING_KEY"),
    updateLoadPaymentUIRequest: unsupported("updateLoadPaymentUIRequest", "ModuleError", undefined),
    updateLoadIssueBillingKeyUIRequest: unsupported("updateLoadIssueBillingKeyUIRequest", "ModuleError", undefined),
  });
})();
