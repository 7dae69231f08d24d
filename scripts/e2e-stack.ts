import { randomBytes } from "node:crypto";
import { E2E_APP_PORT, E2E_APP_URL, E2E_EMBEDDED_POSTGRES_PORT, E2E_EMULATOR_PORT } from "../e2e/support/stack-urls";
import { prepareDatabase } from "./lib/database";
import { startPortOneEmulator } from "./lib/portone";
import { exitOnSignals, runNextToCompletion, shutdown, startNext } from "./lib/processes";

/**
 * The stack Playwright tests run against: the built app (`next build` + `next start`) on a fresh
 * database, DATABASE_URL when CI provides one, else a throwaway embedded PostgreSQL.
 */
exitOnSignals();

try {
  const databaseUrl = await prepareDatabase({ databaseUrl: process.env.DATABASE_URL, embedded: { temporary: true, port: E2E_EMBEDDED_POSTGRES_PORT } });
  // Webhook retries compressed from minutes to fractions of a second, so tests can watch them.
  const portoneEnv = await startPortOneEmulator({
    port: E2E_EMULATOR_PORT,
    webhookUrl: `${E2E_APP_URL}/api/webhooks/portone`,
    retryScale: 0.001,
    webhookTimeoutMs: 5_000,
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...portoneEnv,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(33).toString("base64"),
    APP_URL: E2E_APP_URL,
  };
  await runNextToCompletion(["build"], env);
  const next = startNext(["start", "--port", String(E2E_APP_PORT)], env);
  next.on("exit", (code) => void shutdown(code ?? 1));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
