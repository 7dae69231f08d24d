import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { corsHeaders, readJson, readText, redirect, sendHtml, sendJson } from "../../http/io.js";
import type { Router } from "../../http/router.js";
import { page } from "../../pages/html.js";
import {
  applyV1Outcome,
  openV1Checkout,
  V1CheckoutError,
  v1RedirectTarget,
  v1Result,
  type V1Outcome,
} from "../domain/v1-checkout.js";
import { v1CheckoutPage, v1ReceiptPage, v1ResultRelayPage } from "../pages/v1-checkout-page.js";
import type { V1Context, V1Window } from "../v1-context.js";

const OUTCOMES: readonly V1Outcome[] = ["approve", "issue", "decline", "cancel"];
const scriptPath = fileURLToPath(new URL("../../../static/iamport.js", import.meta.url));
// iamport.js carries this placeholder; the emulator's origin replaces it when served.
const ORIGIN_PLACEHOLDER = '"__PORTONE_EMULATOR_ORIGIN__"';

/** The browser side of V1: the iamport.js stand-in, its window and the result hand-back. */
export function registerV1CheckoutRoutes(router: Router, context: V1Context): void {
  const { emulator } = context;

  // cdn.iamport.kr/v1/iamport.js's stand-in, with the emulator's public origin baked in.
  router.on("GET", "/v1/iamport.js", async ({ res }) => {
    const script = (await readFile(scriptPath, "utf8")).replace(
      ORIGIN_PLACEHOLDER,
      JSON.stringify(new URL(emulator.publicUrl).origin),
    );
    res.writeHead(200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-cache",
    });
    res.end(script);
  });

  router.on("OPTIONS", "/v1/checkout-api/payments", ({ res }) => void res.writeHead(204, corsHeaders).end());
  router.on("OPTIONS", "/v1/checkout-api/windows/:txId/close", ({ res }) => void res.writeHead(204, corsHeaders).end());

  // request_pay: a window to open, or at once the callback's failure (bad params, prepared amount…).
  router.on("POST", "/v1/checkout-api/payments", async ({ req, res }) => {
    const body = await readJson(req);
    const params =
      body.params && typeof body.params === "object" && !Array.isArray(body.params)
        ? (body.params as Record<string, unknown>)
        : {};
    try {
      const window = openV1Checkout(context, {
        impCode: body.impCode,
        params,
        isMobile: body.isMobile === true,
        parentOrigin: typeof body.parentOrigin === "string" && body.parentOrigin !== "null" ? body.parentOrigin : "*",
        pageUrl: typeof body.pageUrl === "string" ? body.pageUrl : undefined,
        userAgent: req.headers["user-agent"] ?? "",
      });
      sendJson(
        res,
        200,
        {
          txId: window.txId,
          imp_uid: window.imp_uid,
          mode: window.mode,
          // iamport.js writes its overlay (title, close button) in the window's language.
          language: window.language,
          checkoutUrl: `${emulator.publicUrl}/v1/checkout/${encodeURIComponent(window.txId)}`,
        },
        corsHeaders,
      );
    } catch (error) {
      if (!(error instanceof V1CheckoutError)) throw error;
      const result = v1Result(
        undefined,
        { style: emulator.config.v1ResultStyle === "minimal" ? "minimal" : "full" },
        { errorCode: error.errorCode, errorMsg: error.message },
        error.merchantUid,
      );
      const redirectUrl = typeof params.m_redirect_url === "string" ? params.m_redirect_url : undefined;
      sendJson(
        res,
        400,
        { result, redirectTo: redirectUrl ? v1RedirectTarget(redirectUrl, result) : undefined },
        corsHeaders,
      );
    }
  });

  const settle = (window: V1Window, outcome: V1Outcome, fields: Record<string, string | undefined>) => {
    if (window.result) return window.result;
    const record = context.state.payments.get(window.imp_uid);
    if (!record) throw new Error(`V1 payment ${window.imp_uid} vanished`);
    window.result = v1Result(record, window, applyV1Outcome(context, record, window, outcome, fields));
    return window.result;
  };

  // The buyer closed the overlay without choosing: a user cancel.
  router.on("POST", "/v1/checkout-api/windows/:txId/close", ({ res, params }) => {
    const window = context.windows.get(params.txId ?? "");
    if (!window) return sendJson(res, 404, { message: "결제창을 찾을 수 없습니다." }, corsHeaders);
    sendJson(res, 200, { result: settle(window, "cancel", {}) }, corsHeaders);
  });

  router.on("GET", "/v1/checkout/:txId", ({ res, params }) => {
    const window = context.windows.get(params.txId ?? "");
    const record = window ? context.state.payments.get(window.imp_uid) : undefined;
    if (!window || !record) return sendHtml(res, 404, page("결제창 없음", "<h1>결제창을 찾을 수 없습니다.</h1>"));
    sendHtml(res, 200, v1CheckoutPage(emulator.config.storeName, window, record));
  });

  router.on("POST", "/v1/checkout/:txId", async ({ req, res, params }) => {
    const window = context.windows.get(params.txId ?? "");
    if (!window) return sendHtml(res, 404, page("결제창 없음", "<h1>결제창을 찾을 수 없습니다.</h1>"));
    const form = Object.fromEntries(new URLSearchParams(await readText(req)));
    const outcome = OUTCOMES.find((candidate) => candidate === form.outcome) ?? "cancel";
    const result = settle(window, outcome, form);
    if (window.mode === "REDIRECTION" && window.redirectUrl)
      return redirect(res, v1RedirectTarget(window.redirectUrl, result));
    sendHtml(res, 200, v1ResultRelayPage(window, result));
  });

  router.on("GET", "/v1/receipts/:imp_uid", ({ res, url, params }) => {
    const record = context.state.payments.get(params.imp_uid ?? "");
    if (!record) return sendHtml(res, 404, page("전표 없음", "<h1>결제 정보를 찾을 수 없습니다.</h1>"));
    sendHtml(res, 200, v1ReceiptPage(record, url.searchParams.get("cancellation_id")));
  });
}
