import { existsSync } from "node:fs";
import { seedDemoUser } from "../db/seed";
import { DEMO_USER } from "../db/demo-user";
import { developmentAuthSecret } from "./dev-secrets";
import { prepareDatabase } from "./lib/database";
import { exitOnSignals, shutdown, startNext } from "./lib/processes";

/**
 * `npm run dev`: everything a developer needs with nothing configured. Values from .env.local
 * win; what is missing is filled in (embedded PostgreSQL, a development AUTH_SECRET).
 */
const DATA_FOLDER = ".data";
const APP_PORT = 3000;

if (existsSync(".env.local")) process.loadEnvFile(".env.local");
exitOnSignals();

try {
  const databaseUrl = await prepareDatabase({
    databaseUrl: process.env.DATABASE_URL,
    embedded: { dataDir: `${DATA_FOLDER}/postgres`, port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54320) },
  });
  await seedDemoUser(databaseUrl);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? (await developmentAuthSecret(DATA_FOLDER)),
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
