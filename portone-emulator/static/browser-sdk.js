// Stand-in for https://cdn.portone.io/v2/browser-sdk.js, served by the local PortOne emulator.
// It defines window.PortOne, which the unmodified @portone/browser-sdk package picks up.
// Everything talks to the emulator's origin, not the page's.
(function () {
  "use strict";

  // The emulator serves this file with its public URL filled in here, so a page may load it from
  // any address (e.g. PortOne's CDN URL routed to the emulator). Read unfilled (straight from the
  // file), it falls back to where the script came from; currentScript is null for module scripts.
  const SERVED_ORIGIN = "__PORTONE_EMULATOR_ORIGIN__";
  const script = document.currentScript || document.querySelector('script[src$="/v2/browser-sdk.js"]');
  const ORIGIN = /^https?:\/\//.test(SERVED_ORIGIN)
    ? SERVED_ORIGIN
    : new URL(script && script.src ? script.src : window.location.href).origin;
  // The overlay around the window speaks the window's language (the emulator reads the
  // request's locale and says which); Korean until it has said.
  const OVERLAY_TEXT = {
    ko: {
      title: "PortOne 테스트 결제창",
      close: "결제창 닫기 ✕",
      loadFailed: "결제창을 불러오지 못했습니다. 창을 닫고 다시 시도해 주세요.",
      payPalTitle: "PayPal (PortOne 에뮬레이터 테스트)",
    },
    en: {
      title: "PortOne test checkout",
      close: "Close checkout ✕",
      loadFailed: "The checkout window could not be loaded. Close it and try again.",
      payPalTitle: "PayPal (PortOne emulator test)",
    },
  };
  const overlayText = (language) => OVERLAY_TEXT[language] || OVERLAY_TEXT.ko;

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

  // Sends a request to the emulator's checkout API: {ok, body}, or {ok: false} with an
  // UnknownError body when the emulator cannot be reached.
  async function postRequest(path, request, mode) {
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
      return {
        ok: false,
        body: { code: "UnknownError", message: "PortOne 에뮬레이터에 연결할 수 없습니다: " + (error && error.message) },
      };
    }
    const body = await response.json().catch(() => ({
      code: "UnknownError",
      message: "PortOne 에뮬레이터가 알 수 없는 응답을 보냈습니다. (HTTP " + response.status + ")",
    }));
    return { ok: response.ok, body };
  }

  async function openTransaction(path, request, errorType, transactionType, mode) {
    if (!request || typeof request !== "object") {
      throw new EmulatorPortOneError(errorType, transactionType, {
        code: "BadRequest",
        message: "요청 객체가 필요합니다.",
      });
    }
    mode = mode || chooseMode(request);
    const { ok, body } = await postRequest(path, request, mode);
    if (!ok || !body.txId) {
      throw new EmulatorPortOneError(errorType, transactionType, {
        code: body.code,
        message: body.message,
        paymentId: request.paymentId,
      });
    }
    // The window is opened on this script's origin, so its messages can be checked against ORIGIN.
    return {
      mode,
      language: body.language,
      txId: body.txId,
      paymentId: body.paymentId,
      checkoutUrl: ORIGIN + "/checkout/" + encodeURIComponent(body.txId),
    };
  }

  // A window that has not said it is ready after this long failed to load (the PG's page is
  // down or blocked): the overlay says so, and its close button is the way out.
  const LOAD_TIMEOUT_MS = 10000;

  // The overlay always has a close button outside the PG's frame and closes with Escape, so a
  // frame that shows the browser's error page instead of the PG never traps the buyer.
  function showIframe(url, language, onClose) {
    const text = overlayText(language);
    const overlay = document.createElement("div");
    overlay.setAttribute("data-portone-emulator", "checkout");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", text.title);
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;background:rgba(17,24,39,.55);display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;";
    const bar = document.createElement("div");
    bar.style.cssText =
      "width:min(460px,100vw);display:flex;align-items:center;justify-content:space-between;gap:8px;box-sizing:border-box;padding:0 8px;";
    const notice = document.createElement("p");
    notice.setAttribute("role", "alert");
    notice.style.cssText = "margin:0;color:#fff;font:600 14px/1.4 sans-serif;";
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = text.close;
    close.style.cssText =
      "margin-left:auto;border:0;border-radius:8px;background:#fff;color:#111827;font:600 14px/1 sans-serif;padding:10px 12px;white-space:nowrap;flex-shrink:0;cursor:pointer;";
    close.addEventListener("click", onClose);
    bar.append(notice, close);
    const frame = document.createElement("iframe");
    frame.src = url;
    frame.title = text.title;
    frame.style.cssText =
      "width:min(460px,100vw);height:min(672px,calc(100vh - 56px));border:0;border-radius:12px;background:#f3f4f6;";
    overlay.append(bar, frame);
    const onKey = (event) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    (document.body || document.documentElement).appendChild(overlay);
    // Focus stays on the close button until the PG's page says it is ready: a frame showing an
    // error page would swallow Escape.
    close.focus();
    const loadTimer = setTimeout(() => {
      notice.textContent = text.loadFailed;
    }, LOAD_TIMEOUT_MS);
    return {
      ready() {
        clearTimeout(loadTimer);
        notice.textContent = "";
        // Keyboard users land in the window, as with a PG's own iframe.
        if (document.activeElement !== frame) frame.focus();
      },
      remove() {
        clearTimeout(loadTimer);
        document.removeEventListener("keydown", onKey);
        overlay.remove();
      },
    };
  }

  async function closeTransaction(txId) {
    const response = await fetch(ORIGIN + "/checkout-api/transactions/" + encodeURIComponent(txId) + "/close", {
      method: "POST",
    });
    const body = await response.json();
    return body.result;
  }

  // The cancel result the emulator records when the buyer closes the window without choosing.
  function closedResult(opened) {
    return closeTransaction(opened.txId).catch(() => ({
      transactionType: "PAYMENT",
      txId: opened.txId,
      paymentId: opened.paymentId,
      code: "FAILURE_TYPE_PG",
      message: "결제창이 닫혔습니다.",
    }));
  }

  // Resolves with the result the checkout window posts back, or, when the user closes the
  // window without choosing, with the cancel result. `onReady` hears the window's "loaded".
  function waitForResult(opened, cleanUp, popup, onReady) {
    let finish;
    const promise = new Promise((resolve) => {
      let done = false;
      let timer;
      finish = (result) => {
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
        if (data.ready) {
          if (onReady) onReady();
          return;
        }
        finish(data.result);
      };
      window.addEventListener("message", onMessage);
      if (popup) {
        timer = setInterval(() => {
          if (!popup.closed || done) return;
          clearInterval(timer);
          closedResult(opened).then(finish);
        }, 250);
      }
    });
    return { promise, close: () => closedResult(opened).then(finish) };
  }

  // `openedPopup`: a window already opened (blank) during the buyer's click, sent to the checkout now.
  function runWindow(opened, openedPopup) {
    if (opened.mode === "REDIRECTION") {
      // The page leaves; like the real SDK, the promise settles with undefined.
      window.location.href = opened.checkoutUrl;
      return Promise.resolve(undefined);
    }
    if (opened.mode === "POPUP") {
      const popup =
        openedPopup || window.open(opened.checkoutUrl, "portone-emulator-" + opened.txId, "width=480,height=760");
      if (openedPopup && !openedPopup.closed) openedPopup.location.href = opened.checkoutUrl;
      if (popup) {
        return waitForResult(
          opened,
          () => {
            if (!popup.closed) popup.close();
          },
          popup,
          null,
        ).promise;
      }
      // Popup blocked: fall back to the iframe, as PG windows usually do.
    }
    let waiting;
    const overlay = showIframe(opened.checkoutUrl, opened.language, () => waiting.close());
    waiting = waitForResult(
      opened,
      () => overlay.remove(),
      null,
      () => overlay.ready(),
    );
    return waiting.promise;
  }

  async function requestPayment(request) {
    return runWindow(await openTransaction("/checkout-api/payments", request, "PaymentError", "PAYMENT"));
  }

  async function requestIssueBillingKey(request) {
    return runWindow(
      await openTransaction("/checkout-api/billing-keys", request, "IssueBillingKeyError", "ISSUE_BILLING_KEY"),
    );
  }

  // loadPaymentUI (uiType PAYPAL_SPB): PayPal's Smart Payment Button. As PortOne's PayPal guide
  // says, the SDK renders it into the page's element of class portone-ui-container (with several,
  // the one whose data-portone-ui-type is paypal-spb) and the buyer's click opens PayPal's window,
  // a popup (an overlay if popups are blocked). A request the emulator refuses rejects the call
  // with a LoadPaymentUIError before any button appears; the payment's own result goes to
  // onPaymentSuccess (PaymentResponse) or onPaymentFail (PaymentError). The button stays after a
  // failure, as PayPal's does, so the buyer can try again (a new attempt of the same paymentId).
  const UI_CONTAINER_TYPES = { PAYPAL_SPB: "paypal-spb" };
  let paymentUI = null;

  const loadError = (code, message) => new EmulatorPortOneError("LoadPaymentUIError", "PAYMENT", { code, message });

  function findUIContainer(uiType) {
    const containers = Array.from(document.querySelectorAll(".portone-ui-container"));
    if (containers.length === 0) throw loadError("BadRequest", "portone-ui-container를 찾을 수 없습니다.");
    if (containers.length === 1) return containers[0];
    const typed = containers.find(
      (element) => element.getAttribute("data-portone-ui-type") === UI_CONTAINER_TYPES[uiType],
    );
    if (!typed) throw loadError("BadRequest", "data-portone-ui-type에 올바른 UI 타입을 입력해주세요.");
    return typed;
  }

  async function checkPaymentUIRequest(request) {
    if (!request || typeof request !== "object") throw loadError("BadRequest", "요청 객체가 필요합니다.");
    const { ok, body } = await postRequest("/checkout-api/payment-ui/check", request, "POPUP");
    if (!ok) throw loadError(body.code, body.message);
    return body.language;
  }

  function payPalButton(language) {
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("data-portone-emulator", "paypal-button");
    button.setAttribute("aria-label", "PayPal");
    button.title = overlayText(language).payPalTitle;
    button.style.cssText =
      "display:block;width:100%;min-width:150px;max-width:750px;height:45px;border:0;border-radius:23px;background:#ffc439;cursor:pointer;font:italic 800 20px/1 Verdana,sans-serif;";
    const pay = document.createElement("span");
    pay.textContent = "Pay";
    pay.style.color = "#003087";
    const pal = document.createElement("span");
    pal.textContent = "Pal";
    pal.style.color = "#009cde";
    button.append(pay, pal);
    return button;
  }

  async function payWithPayPal(ui, popup) {
    let opened;
    try {
      opened = await openTransaction("/checkout-api/payment-ui", ui.request, "PaymentError", "PAYMENT", "POPUP");
    } catch (error) {
      if (popup && !popup.closed) popup.close();
      return ui.callbacks.onPaymentFail(error);
    }
    const result = await runWindow(opened, popup);
    if (result.code !== undefined)
      ui.callbacks.onPaymentFail(new EmulatorPortOneError("PaymentError", "PAYMENT", result));
    else ui.callbacks.onPaymentSuccess(result);
  }

  async function loadPaymentUI(request, callbacks) {
    if (!callbacks || typeof callbacks.onPaymentSuccess !== "function" || typeof callbacks.onPaymentFail !== "function")
      throw loadError("BadRequest", "onPaymentSuccess와 onPaymentFail 콜백이 필요합니다.");
    const container = findUIContainer(String(request && request.uiType));
    const language = await checkPaymentUIRequest(request);
    // Loading again replaces the button, as PortOne re-renders PayPal's.
    if (paymentUI) paymentUI.button.remove();
    const ui = { request, callbacks, button: payPalButton(language), busy: false };
    ui.button.addEventListener("click", () => {
      if (ui.busy) return;
      ui.busy = true;
      ui.button.disabled = true;
      // Opened within the click so that popup blockers allow it; it is sent to PayPal's window
      // once the emulator has recorded the attempt.
      const popup = window.open("", "portone-emulator-paypal", "width=480,height=760");
      payWithPayPal(ui, popup).finally(() => {
        ui.busy = false;
        ui.button.disabled = false;
      });
    });
    container.appendChild(ui.button);
    paymentUI = ui;
  }

  // The page changes the loaded button's request (e.g. a new amount); checked like loadPaymentUI.
  async function updateLoadPaymentUIRequest(request) {
    if (!paymentUI) throw loadError("BadRequest", "loadPaymentUI를 먼저 호출해야 합니다.");
    paymentUI.button.title = overlayText(await checkPaymentUIRequest(request)).payPalTitle;
    paymentUI.request = request;
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
    loadPaymentUI,
    loadIssueBillingKeyUI: unsupported("loadIssueBillingKeyUI", "LoadIssueBillingKeyUIError", "ISSUE_BILLING_KEY"),
    updateLoadPaymentUIRequest,
    updateLoadIssueBillingKeyUIRequest: unsupported("updateLoadIssueBillingKeyUIRequest", "ModuleError", undefined),
  });
})();
