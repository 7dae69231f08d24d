import { readText, redirect, sendHtml } from "../http/io.js";
import type { Router } from "../http/router.js";
import { V1Error } from "./api/v1-http.js";
import { cancelV1Payment } from "./domain/v1-cancel.js";
import { depositV1VirtualAccount, V1CheckoutError } from "./domain/v1-checkout.js";
import { v1ConsolePage } from "./pages/v1-console-page.js";
import type { V1Context } from "./v1-context.js";

/** /v1/console: V1 payments, newest first, with the console's test deposit and cancel. */
export function registerV1ConsoleRoutes(router: Router, context: V1Context): void {
  const { config } = context.emulator;

  router.on("GET", "/v1/console", ({ res, url }) => {
    const payments = [...context.state.payments.values()].sort((a, b) => b.seq - a.seq);
    sendHtml(
      res,
      200,
      v1ConsolePage(config.storeName, config.v1ImpCode, payments, url.searchParams.get("message") ?? undefined),
    );
  });

  const action = (name: string, run: (impUid: string) => string) =>
    router.on("POST", `/v1/console/payments/:imp_uid/${name}`, async ({ req, res, params }) => {
      await readText(req);
      let message: string;
      try {
        message = run(params.imp_uid ?? "");
      } catch (error) {
        if (!(error instanceof V1Error) && !(error instanceof V1CheckoutError)) throw error;
        message = `실패: ${error.message}`;
      }
      redirect(res, `/v1/console?message=${encodeURIComponent(message)}`);
    });

  action("deposit", (impUid) => {
    const record = context.state.payments.get(impUid);
    if (!record) throw new V1Error(404, "결제 건이 없습니다.");
    depositV1VirtualAccount(context, record);
    return `${impUid}: 테스트 입금을 통지했습니다. 결제가 완료되었습니다.`;
  });

  // A console cancel notifies, unlike an API cancel without enable_webhook. Refund accounts of
  // virtual accounts are collected out of band, as in PortOne's console.
  action("cancel", (impUid) => {
    const record = cancelV1Payment(context, {
      imp_uid: impUid,
      reason: "콘솔에서 취소",
      enable_webhook: true,
      refund_holder: "콘솔",
      refund_bank: "000",
      refund_account: "0",
    });
    return `${impUid}: ${record.cancel_history.at(-1)?.amount ?? 0} 취소했습니다.`;
  });
}
