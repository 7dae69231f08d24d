import { E2E_APP_PORT, E2E_EMBEDDED_POSTGRES_PORT, E2E_EMULATOR_PORT } from "../e2e/support/stack-urls";
import { startBuiltStack } from "./lib/built-stack";
import { exitOnSignals, shutdown } from "./lib/processes";

/** The stack Playwright's webServer runs: the built app on a fresh database, with the emulator. */
exitOnSignals();

try {
  const { next } = await startBuiltStack({ app: E2E_APP_PORT, emulator: E2E_EMULATOR_PORT, embeddedPostgres: E2E_EMBEDDED_POSTGRES_PORT });
  next.on("exit", (code) => void shutdown(code ?? 1));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
