import { existsSync } from "node:fs";
import { seedDemoUser } from "../../db/seed";
import { DEMO_USER } from "../../db/demo-user";
import { developmentSecret } from "../dev-secrets";
import { prepareDatabase } from "./database";
import { startPortOneEmulator, v1AppEnvForEmulator } from "./portone";
import { exitOnSignals, runNextToCompletion, shutdown, startNext } from "./processes";

const DATA_FOLDER = ".data";
const APP_PORT = 3000;
const EMULATOR_PORT = 4010;

/**
 * The app on this machine with nothing configured: an embedded PostgreSQL kept in .data/, the
 * PortOne emulator (unless .env.local has real keys), the demo user, and Next.js, either the
 * development server (`npm run dev`) or the production build (`npm run start:local`: `next build`
 * then `next start`, as a deployment runs it). Values from .env.local win. With `--v1` the app is
 * a store still on PortOne V1 (iamport.js and V1's REST API, from the same emulator).
 */
export async function startLocalStack(mode: "development" | "production"): Promise<void> {
  if (existsSync(".env.local")) process.loadEnvFile(".env.local");
  exitOnSignals();
  try {
    const databaseUrl = await prepareDatabase({
      databaseUrl: process.env.DATABASE_URL,
      embedded: { dataDir: `${DATA_FOLDER}/postgres`, port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54320) },
    });
    // Real keys (V2's, or a V1 store's): no emulator, and no demo account.
    const realKeys = Boolean(process.env.PORTONE_API_SECRET || process.env.PORTONE_V1_API_SECRET);
    if (!realKeys) await seedDemoUser(databaseUrl);

    const portoneEnv: Record<string, string> = realKeys
      ? {}
      : await startPortOneEmulator({
          port: EMULATOR_PORT,
          webhookUrl: `http://localhost:${APP_PORT}/api/webhooks/portone`,
          stateFile: `${DATA_FOLDER}/portone-emulator.json`,
        });
    if (process.argv.includes("--v1") && portoneEnv.PORTONE_API_BASE) {
      Object.assign(portoneEnv, v1AppEnvForEmulator(portoneEnv.PORTONE_API_BASE));
      console.log("[stack] the store is on PortOne V1 (I'mport): iamport.js and V1's REST API");
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: mode,
      NEXT_TELEMETRY_DISABLED: "1",
      ...portoneEnv,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? (await developmentSecret(DATA_FOLDER, "auth-secret")),
      // `npm run reconcile` reads the same file.
      CRON_SECRET: process.env.CRON_SECRET ?? (await developmentSecret(DATA_FOLDER, "cron-secret")),
      APP_URL: process.env.APP_URL ?? `http://localhost:${APP_PORT}`,
    };

    if (mode === "production") {
      console.log("[stack] next build (the production build, a minute or two)…");
      await runNextToCompletion(["build"], env);
    }
    console.log(`\n  App:        http://localhost:${APP_PORT}${mode === "production" ? " (production build)" : ""}`);
    if (!realKeys) console.log(`  Demo user:  ${DEMO_USER.email} / ${DEMO_USER.password}\n`);

    const next = startNext([mode === "production" ? "start" : "dev", "--port", String(APP_PORT)], env);
    next.on("exit", (code) => void shutdown(code ?? 0));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}
