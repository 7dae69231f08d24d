import os from "node:os";
import path from "node:path";

// Ports of the stack that `scripts/e2e-stack.ts` starts for Playwright; apart from the
// development ports (3000 / 4010) so a running `npm run dev` does not get in the way.
export const E2E_APP_PORT = 3100;
export const E2E_EMULATOR_PORT = 4110;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://localhost:${E2E_EMULATOR_PORT}`;

// The throwaway embedded PostgreSQL of the test stack, when CI gives no DATABASE_URL; fixed so
// specs can reach the same database to check the ledger.
export const E2E_EMBEDDED_POSTGRES_PORT = 54330;
export const E2E_DATABASE_URL =
  process.env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${E2E_EMBEDDED_POSTGRES_PORT}/points`;

/** The service API key the test stack's app accepts (POST /api/points/spend). */
export const E2E_SERVICE_API_KEY = "e2e-service-api-key-0123456789abcdef0123456789";

/** The reconciliation route's secret in the test stack (GET /api/reconcile). */
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789abcdef0123456789abcdef";

/** The test stack still sets ADMIN_EMAILS to this, as a stale deployment might; it grants nothing. */
// One per run (playwright.config.ts sets E2E_RUN_ID), so a reused database starts clean.
export const E2E_STALE_ADMIN_EMAIL = `admin-${process.env.E2E_RUN_ID ?? "local"}@e2e.pointcharge.dev`;

/**
 * A second `next start` of the same build on the same database whose public origin (APP_URL) is
 * https; the specs reach it over plain http, as a TLS-terminating proxy would.
 */
export const E2E_HTTPS_ORIGIN_APP_PORT = 3181;
export const E2E_HTTPS_ORIGIN_APP_URL = `http://localhost:${E2E_HTTPS_ORIGIN_APP_PORT}`;
export const E2E_HTTPS_ORIGIN = "https://points.example.test";

/**
 * A third `next start` of the same build on the same database and emulator, configured as a store
 * still on PortOne V1 (I'mport): iamport.js in the browser, V1's REST API on the server (e2e/v1).
 */
export const E2E_V1_APP_PORT = 3182;
export const E2E_V1_APP_URL = `http://localhost:${E2E_V1_APP_PORT}`;

/** Where the test stack's app writes its mail (no SMTP server runs); one folder per run. */
export const E2E_MAIL_CAPTURE_DIR = path.join(os.tmpdir(), `pointcharge-e2e-mail-${process.env.E2E_RUN_ID ?? "local"}`);
