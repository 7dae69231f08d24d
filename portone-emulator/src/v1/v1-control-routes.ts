import { sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { CONTROL_PREFIX } from "../control/control-routes.js";
import { depositV1VirtualAccount, V1CheckoutError } from "./domain/v1-checkout.js";
import { toV1View } from "./domain/v1-payment.js";
import type { V1Context } from "./v1-context.js";

/** Test-only V1 endpoints under /__emulator/v1 (no authentication, like V2's control routes). */
export function registerV1ControlRoutes(router: Router, context: V1Context): void {
  const path = (suffix: string) => `${CONTROL_PREFIX}/v1${suffix}`;
  const find = (impUid: string | undefined) => context.state.payments.get(impUid ?? "");

  router.on("GET", path("/payments/:imp_uid"), ({ res, params }) => {
    const record = find(params.imp_uid);
    if (!record) return sendJson(res, 404, { message: "결제 건이 없습니다." });
    sendJson(res, 200, { ...toV1View(record), webhooks: record.webhooks });
  });

  // The console's test deposit (테스트 입금 통지): ready → paid, with the paid notice.
  router.on("POST", path("/payments/:imp_uid/deposit"), ({ res, params }) => {
    const record = find(params.imp_uid);
    if (!record) return sendJson(res, 404, { message: "결제 건이 없습니다." });
    try {
      depositV1VirtualAccount(context, record);
    } catch (error) {
      if (!(error instanceof V1CheckoutError)) throw error;
      return sendJson(res, 409, { message: error.message });
    }
    sendJson(res, 200, toV1View(record));
  });

  router.on("POST", path("/reset"), ({ res }) => {
    resetV1(context);
    sendJson(res, 200, { ok: true });
  });
}

export function resetV1(context: V1Context): void {
  context.notices.clearPending();
  context.windows.clear();
  context.tokens.clear();
  context.state.clear();
}
