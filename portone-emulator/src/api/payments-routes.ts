import type {
  CancelPaymentResponse,
  CloseVirtualAccountResponse,
  PreRegisterPaymentResponse,
  ResendWebhookResponse,
} from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import { ApiError, invalidRequest, paymentNotFound } from "../http/api-error.js";
import { readJson, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { cancelPayment, closeVirtualAccount } from "../domain/payment-actions.js";
import { isPaidLike, type PaymentRecord } from "../domain/payment-record.js";
import { toCashReceiptView } from "../domain/cash-receipts.js";
import { selectedChannel, toPaymentView } from "../domain/payment-view.js";
import { resendWebhook } from "../webhooks/resend.js";
import { knownCurrency } from "../domain/currencies.js";
import { requireOwnStore } from "./auth.js";
import { optionalBoolean, optionalInteger, optionalObject, optionalString, requiredString } from "./input.js";
import type { ApiRoute } from "./api-route.js";

export function findPayment(emulator: Emulator, paymentId: string): PaymentRecord {
  const record = emulator.state.payments.get(paymentId);
  if (!record) throw paymentNotFound(paymentId);
  return record;
}

export function registerPaymentRoutes(router: Router, emulator: Emulator, api: ApiRoute): void {
  router.on(
    "GET",
    "/payments/:paymentId",
    api(({ res, url, params }) => {
      requireOwnStore(emulator, url.searchParams.get("storeId") ?? undefined);
      const record = findPayment(emulator, params.paymentId ?? "");
      const view = toPaymentView(record, emulator.config, emulator.publicUrl);
      // A deep copy: the record changes in place, the answer given must not.
      emulator.lastPaymentAnswers.set(record.id, structuredClone(view));
      sendJson(res, 200, view);
    }),
  );

  router.on(
    "GET",
    "/payments/:paymentId/cash-receipt",
    api(({ res, url, params }) => {
      requireOwnStore(emulator, url.searchParams.get("storeId") ?? undefined);
      // This endpoint's error union has no PAYMENT_NOT_FOUND: no payment means no receipt either.
      const record = emulator.state.payments.get(params.paymentId ?? "");
      const channel = record && selectedChannel(emulator.config, record.channelKey);
      if (!record?.cashReceipt || !channel) {
        throw new ApiError(404, "CASH_RECEIPT_NOT_FOUND", "현금영수증이 존재하지 않습니다.");
      }
      sendJson(
        res,
        200,
        toCashReceiptView(record, record.cashReceipt, { merchantId: emulator.config.merchantId, channel }),
      );
    }),
  );

  router.on(
    "POST",
    "/payments/:paymentId/pre-register",
    api(async ({ req, res, params }) => {
      const body = await readJson(req);
      requireOwnStore(emulator, body.storeId);
      const paymentId = params.paymentId ?? "";
      const existing = emulator.state.payments.get(paymentId);
      if (existing && isPaidLike(existing.status))
        throw new ApiError(409, "ALREADY_PAID", "이미 결제가 완료된 결제 건입니다.");
      const currencyInput = optionalString(body, "currency");
      const currency = currencyInput === undefined ? undefined : knownCurrency(currencyInput);
      if (currencyInput !== undefined && !currency) throw invalidRequest(`알 수 없는 통화입니다: ${currencyInput}`);
      emulator.state.preRegistrations.set(paymentId, {
        totalAmount: optionalInteger(body, "totalAmount"),
        taxFreeAmount: optionalInteger(body, "taxFreeAmount"),
        currency,
      });
      emulator.state.persist();
      const response: PreRegisterPaymentResponse = {};
      sendJson(res, 200, response);
    }),
  );

  router.on(
    "POST",
    "/payments/:paymentId/cancel",
    api(async ({ req, res, params }) => {
      const body = await readJson(req);
      requireOwnStore(emulator, body.storeId);
      const reason = requiredString(body, "reason");
      const requester = optionalString(body, "requester");
      if (requester !== undefined && requester !== "CUSTOMER" && requester !== "ADMIN") {
        throw invalidRequest("requester는 CUSTOMER 또는 ADMIN이어야 합니다.");
      }
      const refundAccount = optionalObject(body, "refundAccount");
      if (refundAccount) {
        requiredString(refundAccount, "bank");
        requiredString(refundAccount, "number");
        requiredString(refundAccount, "holderName");
      }
      const record = findPayment(emulator, params.paymentId ?? "");
      const cancellation = cancelPayment(emulator, record, {
        amount: optionalInteger(body, "amount", 1),
        taxFreeAmount: optionalInteger(body, "taxFreeAmount"),
        vatAmount: optionalInteger(body, "vatAmount"),
        currentCancellableAmount: optionalInteger(body, "currentCancellableAmount"),
        reason,
        requester,
        hasRefundAccount: refundAccount !== undefined,
        skipWebhook: optionalBoolean(body, "skipWebhook") ?? false,
        trigger: "API",
      });
      const response: CancelPaymentResponse = { cancellation };
      sendJson(res, 200, response);
    }),
  );

  router.on(
    "POST",
    "/payments/:paymentId/virtual-account/close",
    api(({ res, url, params }) => {
      requireOwnStore(emulator, url.searchParams.get("storeId") ?? undefined);
      const record = findPayment(emulator, params.paymentId ?? "");
      const response: CloseVirtualAccountResponse = { closedAt: closeVirtualAccount(emulator, record) };
      sendJson(res, 200, response);
    }),
  );

  router.on(
    "POST",
    "/payments/:paymentId/resend-webhook",
    api(async ({ req, res, params }) => {
      const body = await readJson(req);
      requireOwnStore(emulator, body.storeId);
      const record = findPayment(emulator, params.paymentId ?? "");
      const webhook = await resendWebhook(emulator, record, optionalString(body, "webhookId"));
      const response: ResendWebhookResponse = { webhook };
      sendJson(res, 200, response);
    }),
  );
}
