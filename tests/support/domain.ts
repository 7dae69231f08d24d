import { afterAll, beforeAll } from "vitest";
import { migrateDatabase } from "../../db/migrate";
import { startEmulator, type RunningEmulator } from "../../portone-emulator/src/server";
import { appEnvForEmulator } from "../../scripts/lib/portone";
import { createScratchDatabase } from "./postgres";

/**
 * The app's own domain code (lib/) for one test file, against a fresh migrated PostgreSQL and a
 * PortOne emulator over HTTP: the same adapter, queries and transactions the app runs, without a
 * browser. `lib/env` reads process.env when first imported, so tests import lib modules
 * dynamically, after this suite's beforeAll has set the environment.
 */
export function domainSuite() {
  const suite = {} as { emulator: RunningEmulator; databaseUrl: string };
  let database: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

  beforeAll(async () => {
    database = await createScratchDatabase();
    await migrateDatabase(database.url);
    suite.databaseUrl = database.url;
    // No webhooks: each test decides when the app hears of PortOne's changes.
    suite.emulator = await startEmulator({ port: 0, webhookUrl: "", retryScale: 0.0005, webhookTimeoutMs: 1_000 });
    Object.assign(process.env, appEnvForEmulator(suite.emulator.url, suite.emulator.config), {
      NODE_ENV: "test",
      DATABASE_URL: database.url,
      AUTH_SECRET: "domain-tests-auth-secret-0123456789abcdef",
      APP_URL: "http://localhost:3000",
      PORTONE_CANCEL_TIMEOUT_MS: "2000",
    });
  });

  afterAll(async () => {
    const { db } = await import("@/db");
    await db.$client.end();
    // db/index.ts keeps its pool on globalThis outside production; the next file needs its own.
    delete (globalThis as { pointsSql?: unknown }).pointsSql;
    await suite.emulator?.close();
    await database?.drop();
  });

  return suite;
}
