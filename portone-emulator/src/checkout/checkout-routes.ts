import type { IncomingMessage } from "node:http";
import type { Emulator } from "../context.js";
import { corsHeaders, readJson, readText, redirect, sendHtml, sendJson } from "../http/io.js";
import type { RouteContext, Router } from "../http/router.js";
import type { PaymentOrigin } from "../domain/payment-record.js";
import { checkoutPage, resultRelayPage } from "../pages/checkout-page.js";
import { page } from "../pages/html.js";
import { acceptBillingKeyRequest, applyBillingKeyOutcome } from "./billing-key-request.js";
import { acceptPaymentRequest, checkPaymentRequest } from "./payment-request.js";
import { readPaymentUIRequest } from "./payment-ui-request.js";
import { applyPaymentOutcome, type Outcome, type OutcomeFields } from "./payment-outcomes.js";
import { CheckoutError } from "./request-checks.js";
import type { CheckoutResult, CheckoutTransaction, WindowMode } from "./transaction.js";
import type { PaymentEntry } from "./payment-request.js";

const OUTCOMES: readonly Outcome[] = ["approve", "decline", "cancel", "issue"];
const MODES: readonly WindowMode[] = ["IFRAME", "POPUP", "REDIRECTION"];

interface OpenBody {
  request: Record<string, unknown>;
  mode: WindowMode;
  parentOrigin: string;
  pageUrl?: string;
  isMobile: boolean;
}

function readOpenBody(body: Record<string, unknown>): OpenBody {
  const request = body.request;
  if (!request || typeof request !== "object" || Array.isArray(request)) {
    throw new CheckoutError("BadRequest", "요청 객체가 필요합니다.");
  }
  const mode = MODES.find((candidate) => candidate === body.mode) ?? "IFRAME";
  if (mode === "REDIRECTION" && !(request as Record<string, unknown>).redirectUrl) {
    throw new CheckoutError("BadRequest", "리디렉션 방식 결제에는 redirectUrl이 필요합니다.");
  }
  const parentOrigin = typeof body.parentOrigin === "string" && body.parentOrigin !== "null" ? body.parentOrigin : "*";
  return {
    request: request as Record<string, unknown>,
    mode,
    parentOrigin,
    pageUrl: typeof body.pageUrl === "string" ? body.pageUrl : undefined,
    isMobile: body.isMobile === true,
  };
}

function originOf(req: IncomingMessage, open: OpenBody): PaymentOrigin {
  return {
    platformType: open.isMobile ? "MOBILE" : "PC",
    userAgent: req.headers["user-agent"],
    url: open.pageUrl,
    ipAddress: req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
  };
}

/** Merchant redirectUrl + the response fields as query parameters, keeping its own parameters. */
export function redirectTarget(redirectUrl: string, result: CheckoutResult): string {
  const target = new URL(redirectUrl);
  for (const [key, value] of Object.entries(result)) target.searchParams.set(key, value);
  return target.toString();
}

export function registerCheckoutRoutes(router: Router, emulator: Emulator): void {
  const checkoutUrl = (txId: string) => `${emulator.publicUrl}/checkout/${encodeURIComponent(txId)}`;
  const remember = (transaction: CheckoutTransaction) => emulator.transactions.set(transaction.txId, transaction);

  // Opening a window: validate like the CDN script, remember the window, or answer {code, message}.
  const openWindow =
    (handler: (req: IncomingMessage, open: OpenBody) => CheckoutTransaction) => async (ctx: RouteContext) => {
      try {
        const open = readOpenBody(await readJson(ctx.req));
        const transaction = handler(ctx.req, open);
        remember(transaction);
        sendJson(
          ctx.res,
          200,
          {
            txId: transaction.txId,
            paymentId: transaction.paymentId,
            checkoutUrl: checkoutUrl(transaction.txId),
            // The script writes its overlay (title, close button) in the window's language.
            language: transaction.language,
          },
          corsHeaders,
        );
      } catch (error) {
        if (!(error instanceof CheckoutError)) throw error;
        sendJson(ctx.res, 400, { code: error.code, message: error.message }, corsHeaders);
      }
    };

  for (const path of ["/checkout-api/payments", "/checkout-api/payment-ui", "/checkout-api/payment-ui/check"])
    router.on("OPTIONS", path, ({ res }) => void res.writeHead(204, corsHeaders).end());
  router.on("OPTIONS", "/checkout-api/billing-keys", ({ res }) => void res.writeHead(204, corsHeaders).end());
  router.on(
    "OPTIONS",
    "/checkout-api/transactions/:txId/close",
    ({ res }) => void res.writeHead(204, corsHeaders).end(),
  );

  const paymentTransaction = (req: IncomingMessage, open: OpenBody, entry: PaymentEntry): CheckoutTransaction => {
    const request = entry === "loadPaymentUI" ? readPaymentUIRequest(open.request) : open.request;
    const accepted = acceptPaymentRequest(emulator, request, originOf(req, open), entry);
    return {
      txId: accepted.record.transactionId,
      kind: "PAYMENT",
      paymentId: accepted.record.id,
      channelKey: accepted.channel.key,
      payMethod: accepted.channel.payMethod,
      mode: open.mode,
      language: accepted.language,
      parentOrigin: open.parentOrigin,
      redirectUrl: accepted.redirectUrl,
      dueDate: accepted.dueDate,
      expiresAt: accepted.expiresAt,
      createdAt: Date.now(),
    };
  };

  router.on(
    "POST",
    "/checkout-api/payments",
    openWindow((req, open) => paymentTransaction(req, open, "requestPayment")),
  );

  // loadPaymentUI checks its request when the page loads PayPal's button (a refusal rejects the
  // call), and opens PayPal's window, recording the attempt, when the buyer clicks the button.
  router.on("POST", "/checkout-api/payment-ui/check", async ({ req, res }) => {
    try {
      const open = readOpenBody(await readJson(req));
      const { language } = checkPaymentRequest(emulator, readPaymentUIRequest(open.request), "loadPaymentUI");
      sendJson(res, 200, { language }, corsHeaders);
    } catch (error) {
      if (!(error instanceof CheckoutError)) throw error;
      sendJson(res, 400, { code: error.code, message: error.message }, corsHeaders);
    }
  });
  router.on(
    "POST",
    "/checkout-api/payment-ui",
    openWindow((req, open) => paymentTransaction(req, open, "loadPaymentUI")),
  );

  router.on(
    "POST",
    "/checkout-api/billing-keys",
    openWindow((_req, open) => {
      const accepted = acceptBillingKeyRequest(emulator, open.request);
      return {
        txId: crypto.randomUUID(),
        kind: "ISSUE_BILLING_KEY",
        billingKey: accepted.billingKey,
        channelKey: accepted.channel.key,
        payMethod: accepted.channel.payMethod,
        mode: open.mode,
        language: accepted.language,
        parentOrigin: open.parentOrigin,
        redirectUrl: accepted.redirectUrl,
        issueName: typeof open.request.issueName === "string" ? open.request.issueName : undefined,
        billingKeyRequest: open.request,
        createdAt: Date.now(),
      };
    }),
  );

  // The merchant page saw the window disappear (popup closed by the user): settle it as a cancel.
  router.on("POST", "/checkout-api/transactions/:txId/close", ({ res, params }) => {
    const transaction = emulator.transactions.get(params.txId ?? "");
    if (!transaction)
      return sendJson(res, 404, { code: "TransactionNotFound", message: "결제 시도를 찾을 수 없습니다." }, corsHeaders);
    sendJson(res, 200, { result: settle(transaction, "cancel", {}) }, corsHeaders);
  });

  router.on("GET", "/checkout/:txId", ({ res, params }) => {
    const transaction = emulator.transactions.get(params.txId ?? "");
    const channel = emulator.config.channels.find((candidate) => candidate.key === transaction?.channelKey);
    if (!transaction || !channel) return sendHtml(res, 404, page("결제창 없음", "<h1>결제창을 찾을 수 없습니다.</h1>"));
    const payment = transaction.paymentId ? emulator.state.payments.get(transaction.paymentId) : undefined;
    sendHtml(res, 200, checkoutPage(emulator.config.storeName, transaction, channel, payment));
  });

  router.on("POST", "/checkout/:txId", async ({ req, res, params }) => {
    const transaction = emulator.transactions.get(params.txId ?? "");
    if (!transaction) return sendHtml(res, 404, page("결제창 없음", "<h1>결제창을 찾을 수 없습니다.</h1>"));
    const form = Object.fromEntries(new URLSearchParams(await readText(req))) as OutcomeFields;
    const outcome = OUTCOMES.find((candidate) => candidate === form.outcome) ?? "cancel";
    const result = settle(transaction, outcome, form);
    if (transaction.mode === "REDIRECTION" && transaction.redirectUrl) {
      return redirect(res, redirectTarget(transaction.redirectUrl, result));
    }
    sendHtml(res, 200, resultRelayPage(transaction, result));
  });

  /** First answer wins: a window settles once, later answers return the same result. */
  function settle(transaction: CheckoutTransaction, outcome: Outcome, form: OutcomeFields): CheckoutResult {
    if (transaction.result) return transaction.result;
    if (transaction.kind === "ISSUE_BILLING_KEY") {
      transaction.result = applyBillingKeyOutcome(
        emulator,
        transaction,
        transaction.billingKeyRequest ?? {},
        outcome,
        form,
      );
      return transaction.result;
    }
    const payment = emulator.state.payments.get(transaction.paymentId ?? "");
    if (!payment) throw new Error(`payment ${transaction.paymentId} vanished`);
    transaction.result = applyPaymentOutcome(emulator, transaction, payment, outcome, form);
    return transaction.result;
  }
}
