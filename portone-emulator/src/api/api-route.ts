import type { Emulator } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { sendJson } from "../http/io.js";
import type { RouteHandler } from "../http/router.js";
import { requireAuth } from "./auth.js";

export type ApiRoute = (handler: RouteHandler) => RouteHandler;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wraps a PortOne REST handler: authentication first, then any injected API fault. */
export function apiRouteFactory(emulator: Emulator): ApiRoute {
  return (handler) => async (ctx) => {
    requireAuth(emulator, ctx.req);
    const paymentId = ctx.params.paymentId;
    const path =
      paymentId === undefined
        ? ctx.url.pathname
        : ctx.url.pathname.replace(`/${encodeURIComponent(paymentId)}`, "/{paymentId}");
    const fault = emulator.faults.takeApiFault(paymentId, `${ctx.req.method ?? "GET"} ${path}`);
    if (fault?.kind === "hang") await sleep(fault.hangMs);
    const stale =
      fault?.kind === "stale" && paymentId !== undefined ? emulator.lastPaymentAnswers.get(paymentId) : undefined;
    if (stale !== undefined) return sendJson(ctx.res, 200, stale);
    if (fault?.kind === "error") {
      // PgProviderError requires pgCode and pgMessage (the PG's own answer). PortOne defines no
      // type for its own 5xx, so other statuses say INTERNAL_SERVER_ERROR, as an outage would.
      if (fault.status === 502)
        throw new ApiError(502, "PG_PROVIDER", "PG사에서 오류를 전달했습니다.", {
          pgCode: "EMULATOR_FAULT",
          pgMessage: "에뮬레이터가 주입한 PG사 장애입니다.",
        });
      throw new ApiError(fault.status, "INTERNAL_SERVER_ERROR", "에뮬레이터가 주입한 장애입니다.");
    }
    await handler(ctx);
  };
}
