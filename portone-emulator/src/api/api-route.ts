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
      throw new ApiError(
        fault.status,
        fault.status === 502 ? "PG_PROVIDER" : "INTERNAL_SERVER_ERROR",
        "에뮬레이터가 주입한 장애입니다.",
      );
    }
    await handler(ctx);
  };
}
