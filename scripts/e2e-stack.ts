import {
  E2E_APP_PORT,
  E2E_EMBEDDED_POSTGRES_PORT,
  E2E_EMULATOR_PORT,
  E2E_HTTPS_ORIGIN,
  E2E_HTTPS_ORIGIN_APP_PORT,
  E2E_MAIL_CAPTURE_DIR,
  E2E_V1_APP_PORT,
  E2E_V1_APP_URL,
} from "../e2e/support/stack-urls";
import { startBuiltStack } from "./lib/built-stack";
import { rm } from "node:fs/promises";
import { exitOnSignals, onShutdown, shutdown, startNext } from "./lib/processes";
import { startTopology } from "./lib/topology";
import { appEnvForEmulator, emulatorDefaults, v1AppEnvForEmulator } from "./lib/portone";

/** The app's environment without a single PortOne V2 variable. */
function withoutV2(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const v2 = new Set(Object.keys(appEnvForEmulator("http://localhost", emulatorDefaults)));
  const kept = { ...env };
  for (const name of v2) delete kept[name];
  return kept;
}

/** The stack Playwright's webServer runs: the built app on a fresh database, with the emulator. */
exitOnSignals();

try {
  onShutdown(() => rm(E2E_MAIL_CAPTURE_DIR, { recursive: true, force: true }));
  const { next, env, databaseUrl } = await startBuiltStack(
    { app: E2E_APP_PORT, emulator: E2E_EMULATOR_PORT, embeddedPostgres: E2E_EMBEDDED_POSTGRES_PORT },
    { mailCaptureDir: E2E_MAIL_CAPTURE_DIR },
  );
  // The same build once more with an https public origin (e2e/app/transport-security.spec.ts).
  const httpsOrigin = startNext(["start", "--port", String(E2E_HTTPS_ORIGIN_APP_PORT)], {
    ...env,
    APP_URL: E2E_HTTPS_ORIGIN,
  });
  // And as a store on PortOne V1 alone (e2e/v1): none of V2's variables, the notices named in
  // each request_pay.
  const v1Store = startNext(["start", "--port", String(E2E_V1_APP_PORT)], {
    ...withoutV2(env),
    ...v1AppEnvForEmulator(env.PORTONE_API_BASE!),
    APP_URL: E2E_V1_APP_URL,
  });
  for (const child of [next, httpsOrigin, v1Store]) child.on("exit", (code) => void shutdown(code ?? 1));
  // The same build behind nginx and PgBouncer (e2e/topology), when both are installed.
  await startTopology({ appEnv: env, databaseUrl });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
