// Stand-in for https://cdn.iamport.kr/v1/iamport.js (PortOne V1), served by the local PortOne
// emulator. It defines window.IMP with init, agency and request_pay; the window and the results
// come from the emulator's origin, not the page's.
(function () {
  "use strict";

  // Filled in with the emulator's public origin when served; read unfilled, it falls back to
  // where the script came from.
  var SERVED_ORIGIN = "__PORTONE_EMULATOR_ORIGIN__";
  var script = document.currentScript || document.querySelector('script[src$="/v1/iamport.js"]');
  var ORIGIN = /^https?:\/\//.test(SERVED_ORIGIN)
    ? SERVED_ORIGIN
    : new URL(script && script.src ? script.src : window.location.href).origin;
  var SOURCE = "portone-emulator-v1";
  // The overlay around the window speaks the window's language (the emulator reads request_pay's
  // language and says which).
  var OVERLAY_TEXT = {
    ko: { title: "PortOne 테스트 결제창", close: "결제창 닫기 ✕" },
    en: { title: "PortOne test checkout", close: "Close checkout ✕" },
  };
  var impCode = null;

  var isMobile = function () {
    return /Android|iPhone|iPad|iPod|Mobile/i.test(navigator.userAgent);
  };

  function deliver(callback, result) {
    if (typeof callback === "function") callback(result);
  }

  function showIframe(url, language, onClose) {
    var text = OVERLAY_TEXT[language] || OVERLAY_TEXT.ko;
    var overlay = document.createElement("div");
    overlay.setAttribute("data-portone-emulator", "checkout-v1");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", text.title);
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;background:rgba(17,24,39,.55);display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = text.close;
    close.style.cssText =
      "align-self:center;border:0;border-radius:8px;background:#fff;color:#111827;font:600 14px/1 sans-serif;padding:10px 12px;cursor:pointer;";
    close.addEventListener("click", onClose);
    var frame = document.createElement("iframe");
    frame.src = url;
    frame.title = text.title;
    frame.style.cssText =
      "width:min(460px,100vw);height:min(672px,calc(100vh - 56px));border:0;border-radius:12px;background:#f3f4f6;";
    overlay.append(close, frame);
    var onKey = function (event) {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    (document.body || document.documentElement).appendChild(overlay);
    close.focus();
    return {
      ready: function () {
        if (document.activeElement !== frame) frame.focus();
      },
      remove: function () {
        document.removeEventListener("keydown", onKey);
        overlay.remove();
      },
    };
  }

  function closedResult(txId, merchantUid) {
    return fetch(ORIGIN + "/v1/checkout-api/windows/" + encodeURIComponent(txId) + "/close", { method: "POST" })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        return body.result;
      })
      .catch(function () {
        return {
          success: false,
          imp_uid: null,
          merchant_uid: merchantUid,
          error_code: null,
          error_msg: "결제창이 닫혔습니다.",
        };
      });
  }

  function runIframe(opened, merchantUid, callback) {
    var done = false;
    var overlay;
    var finish = function (result) {
      if (done) return;
      done = true;
      window.removeEventListener("message", onMessage);
      overlay.remove();
      deliver(callback, result);
    };
    var onMessage = function (event) {
      var data = event.data;
      if (event.origin !== ORIGIN || !data || data.source !== SOURCE || data.txId !== opened.txId) return;
      if (data.ready) return overlay.ready();
      finish(data.result);
    };
    window.addEventListener("message", onMessage);
    overlay = showIframe(opened.checkoutUrl, opened.language, function () {
      closedResult(opened.txId, merchantUid).then(finish);
    });
  }

  function request_pay(params, callback) {
    params = params || {};
    var merchantUid = params.merchant_uid || null;
    if (!impCode) {
      return deliver(callback, {
        success: false,
        imp_uid: null,
        merchant_uid: merchantUid,
        error_code: "F0000",
        error_msg: "IMP.init()으로 가맹점 식별코드를 먼저 설정해 주세요.",
      });
    }
    // text/plain keeps this a simple cross-origin request (no preflight); the emulator parses JSON anyway.
    fetch(ORIGIN + "/v1/checkout-api/payments", {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({
        impCode: impCode,
        params: params,
        parentOrigin: window.location.origin,
        pageUrl: window.location.href,
        isMobile: isMobile(),
      }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        if (!body.txId) {
          // Refused before a window opened: the redirect flow lands on m_redirect_url, else the callback hears it.
          if (body.redirectTo && isMobile()) return void (window.location.href = body.redirectTo);
          return deliver(callback, body.result);
        }
        var opened = {
          txId: body.txId,
          language: body.language,
          checkoutUrl: ORIGIN + "/v1/checkout/" + encodeURIComponent(body.txId),
        };
        if (body.mode === "REDIRECTION") return void (window.location.href = opened.checkoutUrl);
        runIframe(opened, merchantUid, callback);
      })
      .catch(function (error) {
        deliver(callback, {
          success: false,
          imp_uid: null,
          merchant_uid: merchantUid,
          error_code: null,
          error_msg: "PortOne 에뮬레이터에 연결할 수 없습니다: " + (error && error.message),
        });
      });
  }

  var unsupported = function (name) {
    return function (_params, callback) {
      deliver(callback, {
        success: false,
        error_code: null,
        error_msg: name + "은(는) PortOne 에뮬레이터에서 지원하지 않습니다.",
      });
    };
  };

  window.IMP = Object.freeze({
    init: function (code) {
      impCode = code;
    },
    // Sub-merchant (agency) init: the emulator has one merchant, so the tier code is ignored.
    agency: function (code) {
      impCode = code;
    },
    request_pay: request_pay,
    certification: unsupported("certification"),
    naver_zzim: unsupported("naver_zzim"),
  });
})();
