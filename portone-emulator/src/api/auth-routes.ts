import type { LoginViaApiSecretResponse, RefreshTokenResponse } from "@portone/server-sdk/auth";
import type { Emulator } from "../context.js";
import { readJson, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { loginWithApiSecret, refreshAccessToken } from "./auth.js";

export function registerAuthRoutes(router: Router, emulator: Emulator): void {
  router.on("POST", "/login/api-secret", async ({ req, res }) => {
    const response: LoginViaApiSecretResponse = loginWithApiSecret(emulator, await readJson(req));
    sendJson(res, 200, response);
  });
  router.on("POST", "/token/refresh", async ({ req, res }) => {
    const response: RefreshTokenResponse = refreshAccessToken(emulator, await readJson(req));
    sendJson(res, 200, response);
  });
}
