import type { IncomingMessage } from "node:http";
import type { Emulator } from "../context.js";
import { Router } from "../http/router.js";
import { V1Tokens } from "./api/v1-auth.js";
import { registerV1Routes } from "./api/v1-routes.js";
import { registerV1CheckoutRoutes } from "./checkout/v1-checkout-routes.js";
import { V1State, v1StateFileFor } from "./domain/v1-state.js";
import type { V1Context } from "./v1-context.js";
import { registerV1ConsoleRoutes } from "./v1-console-routes.js";
import { registerV1ControlRoutes, resetV1 } from "./v1-control-routes.js";
import { V1Notices } from "./webhooks/v1-notices.js";

export interface V1Side {
  context: V1Context;
  router: Router;
  /** Whether a request is V1's: api.iamport.kr and api.portone.io share this one origin. */
  claims(req: IncomingMessage, url: URL): boolean;
  /** Part of the emulator-wide reset. */
  reset(): void;
  stop(): void;
}

// Paths only V1 has (by method). Anything else under /payments is V2's, except GET /payments/{id}.
const V1_ONLY: [string, RegExp][] = [
  ["POST", /^\/users\/getToken$/],
  ["POST", /^\/payments\/cancel$/],
  ["POST", /^\/payments\/prepare$/],
  ["PUT", /^\/payments\/prepare$/],
  ["GET", /^\/payments\/prepare\/[^/]+$/],
  ["GET", /^\/payments\/(find|findAll)\/[^/]+(\/[^/]+)?$/],
  ["GET", /^\/payments\/status\/[^/]+$/],
];

export function createV1Side(emulator: Emulator): V1Side {
  const state = new V1State(v1StateFileFor(emulator.config.stateFile));
  const context: V1Context = {
    emulator,
    state,
    tokens: new V1Tokens(emulator.config),
    notices: new V1Notices(emulator.config, () => state.persist()),
    windows: new Map(),
  };
  const router = new Router();
  registerV1Routes(router, context);
  registerV1CheckoutRoutes(router, context);
  registerV1ControlRoutes(router, context);
  registerV1ConsoleRoutes(router, context);
  return {
    context,
    router,
    claims(req, url) {
      const method = req.method ?? "GET";
      const { pathname } = url;
      if (pathname.startsWith("/v1/") || pathname.startsWith("/__emulator/v1/")) return true;
      if (V1_ONLY.some(([m, pattern]) => m === method && pattern.test(pathname))) return true;
      // GET /payments/{id} is both V1's imp_uid and V2's paymentId: a V1 token, or no V2
      // credential and an imp_uid-shaped id, makes it V1's.
      if (method !== "GET" || !/^\/payments\/[^/]+$/.test(pathname)) return false;
      const token = V1Tokens.presented(req);
      if (context.tokens.isKnown(token)) return true;
      const v2Credential =
        /^PortOne\s/i.test(req.headers.authorization ?? "") || emulator.accessTokens.has(token ?? "");
      return !v2Credential && /^\/payments\/imp_\d{12}$/.test(pathname);
    },
    reset: () => resetV1(context),
    stop: () => context.notices.stop(),
  };
}
