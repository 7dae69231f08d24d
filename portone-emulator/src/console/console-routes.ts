import type { Emulator } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { readText, redirect, sendHtml } from "../http/io.js";
import type { Router, RouteContext } from "../http/router.js";
import { cancelPayment, depositVirtualAccount } from "../domain/payment-actions.js";
import { toPaymentView } from "../domain/payment-view.js";
import { findPayment } from "../api/payments-routes.js";
import { resendWebhook } from "../webhooks/resend.js";
import { cashReceiptPage } from "../pages/cash-receipt-page.js";
import { paymentDetailPage, paymentListPage } from "../pages/console-page.js";
import { billingKeysPage } from "../pages/billing-keys-page.js";
import { deleteBillingKey } from "../domain/billing-key-deletion.js";

/** The test-mode console: list, detail and the actions a PortOne console offers for test payments. */
export function registerConsoleRoutes(router: Router, emulator: Emulator): void {
  const detailPath = (id: string) => `/console/payments/${encodeURIComponent(id)}`;

  router.on("GET", "/", ({ res }) => redirect(res, "/console", 302));
  router.on("GET", "/console", ({ res }) => {
    const payments = [...emulator.state.payments.values()].sort((a, b) => b.seq - a.seq);
    sendHtml(res, 200, paymentListPage(emulator.config, payments));
  });

  router.on("GET", "/console/payments/:paymentId", ({ res, url, params }) => {
    const record = emulator.state.payments.get(params.paymentId ?? "");
    if (!record) return redirect(res, "/console", 303);
    const view = toPaymentView(record, emulator.config, emulator.publicUrl);
    sendHtml(res, 200, paymentDetailPage(emulator.config, record, view, url.searchParams.get("message") ?? undefined));
  });

  router.on("GET", "/console/cash-receipts/:paymentId", ({ res, params }) => {
    const record = emulator.state.payments.get(params.paymentId ?? "");
    if (!record?.cashReceipt)
      return sendHtml(res, 404, "<!doctype html><title>404</title><p>현금영수증이 없습니다.</p>");
    sendHtml(res, 200, cashReceiptPage(emulator.config, record, record.cashReceipt));
  });

  router.on("GET", "/console/billing-keys", ({ res, url }) => {
    const keys = [...emulator.state.billingKeys.values()].sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1));
    const schedules = [...emulator.state.schedules.values()].sort((a, b) => (a.timeToPay < b.timeToPay ? 1 : -1));
    sendHtml(res, 200, billingKeysPage(emulator.config, keys, schedules, url.searchParams.get("message") ?? undefined));
  });

  // The merchant deletes a customer's key in the console: BillingKey.Deleted, as through the API.
  router.on("POST", "/console/billing-keys/:billingKey/delete", async ({ req, res, params }) => {
    await readText(req);
    const record = emulator.state.billingKeys.get(params.billingKey ?? "");
    let message: string;
    try {
      if (!record) throw new ApiError(404, "BILLING_KEY_NOT_FOUND", "빌링키가 존재하지 않습니다.");
      deleteBillingKey(emulator, record);
      message = `빌링키 ${record.billingKey}을(를) 삭제했습니다.`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      message = `실패: ${error.type} ${error.message}`;
    }
    redirect(res, `/console/billing-keys?message=${encodeURIComponent(message)}`);
  });

  // Each action answers with a redirect back to the detail page carrying a short message.
  const action = (name: string, run: (ctx: RouteContext, form: URLSearchParams) => Promise<string> | string) =>
    router.on("POST", `/console/payments/:paymentId/${name}`, async (ctx) => {
      const id = ctx.params.paymentId ?? "";
      const form = new URLSearchParams(await readText(ctx.req));
      let message: string;
      try {
        message = await run(ctx, form);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        message = `실패: ${error.type} ${error.message}`;
      }
      redirect(ctx.res, `${detailPath(id)}?message=${encodeURIComponent(message)}`);
    });

  action("deposit", ({ params }) => {
    depositVirtualAccount(emulator, findPayment(emulator, params.paymentId ?? ""));
    return "테스트 입금을 통지했습니다. 결제가 완료되었습니다.";
  });

  action("cancel", ({ params }, form) => {
    const record = findPayment(emulator, params.paymentId ?? "");
    const amountText = form.get("amount")?.trim();
    const amount = amountText ? Number(amountText) : undefined;
    if (amount !== undefined && !Number.isSafeInteger(amount))
      throw new ApiError(400, "INVALID_REQUEST", "취소 금액은 정수여야 합니다.");
    const cancellation = cancelPayment(emulator, record, {
      amount,
      reason: form.get("reason") || "콘솔에서 취소",
      requester: "ADMIN",
      // The console collects refund accounts out of band for virtual accounts.
      hasRefundAccount: true,
      skipWebhook: false,
      trigger: "CONSOLE",
    });
    return `${cancellation.totalAmount} 취소했습니다.`;
  });

  action("resend-webhook", async ({ params }) => {
    const webhook = await resendWebhook(emulator, findPayment(emulator, params.paymentId ?? ""));
    return `웹훅 ${webhook.id}을(를) 재발송했습니다: ${webhook.status ?? ""}`;
  });
}
