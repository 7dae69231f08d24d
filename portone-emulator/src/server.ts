import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolveConfig, type EmulatorConfig } from "./config.js";
import type { Emulator } from "./context.js";
import { FaultBook } from "./control/faults.js";
import { registerControlRoutes } from "./control/control-routes.js";
import { EmulatorState } from "./domain/state.js";
import { ApiError } from "./http/api-error.js";
import { sendHtml, sendJson } from "./http/io.js";
import { Router } from "./http/router.js";
import { apiRouteFactory } from "./api/api-route.js";
import { registerPaymentRoutes } from "./api/payments-routes.js";
import { registerListRoutes } from "./api/list-routes.js";
import { registerBillingKeyRoutes } from "./api/billing-key-routes.js";
import { registerPaymentScheduleRoutes } from "./api/payment-schedule-routes.js";
import { armAllSchedules, disarmAllSchedules } from "./domain/payment-schedules.js";
import { registerAuthRoutes } from "./api/auth-routes.js";
import { registerCheckoutRoutes } from "./checkout/checkout-routes.js";
import { registerConsoleRoutes } from "./console/console-routes.js";
import { playgroundPage, playgroundReturnPage } from "./pages/playground-page.js";
import { sendStatic } from "./static-files.js";
import { WebhookDispatcher } from "./webhooks/dispatcher.js";
import { createV1Side } from "./v1/v1-emulator.js";

export type { EmulatorConfig, EmulatorChannel } from "./config.js";
export { emulatorDefaults } from "./config.js";

export interface RunningEmulator {
  /** e.g. http://localhost:4010 (or the configured publicUrl): use as the server SDK's baseUrl. */
  url: string;
  /** Where it listens on this machine, whatever publicUrl says. */
  localUrl: string;
  config: EmulatorConfig;
  close(): Promise<void>;
}

function buildRouter(emulator: Emulator): Router {
  const router = new Router();
  const api = apiRouteFactory(emulator);
  registerAuthRoutes(router, emulator);
  registerListRoutes(router, emulator, api);
  registerPaymentRoutes(router, emulator, api);
  registerBillingKeyRoutes(router, emulator, api);
  registerPaymentScheduleRoutes(router, emulator, api);
  registerCheckoutRoutes(router, emulator);
  registerControlRoutes(router, emulator);
  registerConsoleRoutes(router, emulator);
  router.on("GET", "/playground", ({ res, url }) => {
    // ?sdk=<origin> loads the emulator script cross-origin, as a merchant site does.
    const sdkOrigin = url.searchParams.get("sdk") ?? emulator.publicUrl;
    sendHtml(
      res,
      200,
      playgroundPage(emulator.config, /^https?:\/\/[^/]+$/.test(sdkOrigin) ? sdkOrigin : emulator.publicUrl),
    );
  });
  router.on("GET", "/playground/return", ({ res, url }) => sendHtml(res, 200, playgroundReturnPage(url)));
  return router;
}

async function handle(emulator: Emulator, router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  if (emulator.config.logRequests) console.log(`[portone-emulator] ${req.method} ${url.pathname}${url.search}`);
  try {
    if (req.method === "GET" && (await sendStatic(res, url.pathname, emulator.publicUrl))) return;
    // PortOne V1 (api.iamport.kr) shares this origin: its paths, and GET /payments/{imp_uid}, go to its router.
    const match = (emulator.v1?.claims(req, url) ? emulator.v1.router : router).match(
      req.method ?? "GET",
      url.pathname,
    );
    // No PortOne error type means "no such endpoint" (each has its own status and meaning), so an
    // unknown path is a plain 404 whose body has no `type`: the server SDK reports it as unknown.
    if (!match) return sendJson(res, 404, { message: `${req.method} ${url.pathname} 경로가 없습니다.` });
    await match.handler({ req, res, url, params: match.params });
  } catch (error) {
    if (res.headersSent) return void res.end();
    if (error instanceof ApiError) return sendJson(res, error.status, error.toBody());
    // The caller went away mid-request (a client killed or timed out): nobody is left to answer.
    if (req.destroyed && (error as NodeJS.ErrnoException).code === "ECONNRESET") return;
    console.error("[portone-emulator] unexpected error", error);
    sendJson(res, 500, { type: "INTERNAL_SERVER_ERROR", message: "에뮬레이터 내부 오류입니다." });
  }
}

/** Starts an emulator; `port: 0` picks a free port (tests). */
export async function startEmulator(overrides: Partial<EmulatorConfig> = {}): Promise<RunningEmulator> {
  const config = resolveConfig(overrides);
  const faults = new FaultBook();
  const emulator: Emulator = {
    config,
    state: new EmulatorState(config.stateFile),
    faults,
    webhooks: new WebhookDispatcher(config, faults),
    transactions: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    manualResends: new Map(),
    settleTimers: new Set(),
    scheduleTimers: new Map(),
    lastPaymentAnswers: new Map(),
    publicUrl: "",
  };
  emulator.v1 = createV1Side(emulator);
  const router = buildRouter(emulator);
  const server = createServer((req, res) => void handle(emulator, router, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  emulator.publicUrl = config.publicUrl || `http://localhost:${port}`;
  // Schedules a state file brought back wait on (or run at once when their time has passed).
  armAllSchedules(emulator);
  return {
    url: emulator.publicUrl,
    localUrl: `http://localhost:${port}`,
    config: { ...config, port },
    close: async () => {
      emulator.webhooks.stop();
      emulator.v1?.stop();
      for (const timer of emulator.settleTimers) clearTimeout(timer);
      disarmAllSchedules(emulator);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
