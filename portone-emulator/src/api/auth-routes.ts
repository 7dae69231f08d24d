import type { Emulator } from "../context";
import { readJson, sendJson } from "../http/io";
import type { Router } from "../http/router";
import { loginWithApiSecret, refreshAccessToken } from "./auth";

export function registerAuthRoutes(router: Router, emulator: Emulator): void {
  router.on("POST", "/login/api-secret", async ({ req, res }) => {
    sendJson(res, 200, loginWithApiSecret(emulator, await readJson(req)));
  });
  router.on("POST", "/token/refresh", async ({ req, res }) => {
    sendJson(res, 200, refreshAccessToken(emulator, await readJson(req)));
  });
}
