import { existsSync } from "node:fs";
import { seedDemoUser } from "../db/seed";
import { DEMO_USER } from "../db/demo-user";
import { developmentSecret } from "./dev-secrets";
import { prepareDatabase } from "./lib/database";
import { startPortOneEmulator } from "./lib/portone";
import { exitOnSignals, shutdown, startNext } from "./lib/processes";

/**
 * `npm run dev`: everything a developer needs with nothing configured. Values from .env.local
 * win; what is missing is filled in (embedded PostgreSQL, a development AUTH_SECRET).
 */
const DATA_FOLDER = ".data";
const APP_PORT = 3000;
const EMULATOR_PORT = 4010;

if (existsSync(".env.local")) process.loadEnvFile(".env.local");
exitOnSignals();

try {
  const databaseUrl = await prepareDatabase({
    databaseUrl: process.env.DATABASE_URL,
    embedded: { dataDir: `${DATA_FOLDER}/postgres`, port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54320) },
  });
  await seedDemoUser(databaseUrl);

  // Real PortOne keys in .env.local win; otherwise the emulator stands in, on its own origin.
  const portoneEnv = process.env.PORTONE_API_SECRET
    ? {}
    : await startPortOneEmulator({
        port: EMULATOR_PORT,
        webhookUrl: `http://localhost:${APP_PORT}/api/webhooks/portone`,
        stateFile: `${DATA_FOLDER}/portone-emulator.json`,
      });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    NEXT_TELEMETRY_DISABLED: "1",
    ...portoneEnv,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? (await developmentSecret(DATA_FOLDER, "auth-secret")),
    // `npm run reconcile` reads the same file.
    CRON_SECRET: process.env.CRON_SECRET ?? (await developmentSecret(DATA_FOLDER, "cron-secret")),
    APP_URL: process.env.APP_URL ?? `http://localhost:${APP_PORT}`,
  };

  console.log(`\n  App:        http://localhost:${APP_PORT}`);
  console.log(`  Demo user:  ${DEMO_USER.email} / ${DEMO_USER.password}\n`);

  const next = startNext(["dev", "--port", String(APP_PORT)], env);
  next.on("exit", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
