import { emulatorDefaults } from "portone-emulator";
import { appEnvForEmulator } from "../../scripts/lib/portone";

/**
 * A complete, valid environment for code that imports lib/env but talks to neither PostgreSQL
 * nor PortOne (nothing listens on these addresses). Set before the first dynamic import of lib/.
 */
export function setOfflineAppEnv(overrides: Record<string, string> = {}): void {
  Object.assign(process.env, appEnvForEmulator("http://127.0.0.1:9", emulatorDefaults), {
    NODE_ENV: "test",
    DATABASE_URL: "postgres://postgres@127.0.0.1:9/none",
    AUTH_SECRET: "offline-tests-auth-secret-0123456789abcdef",
    APP_URL: "http://localhost:3000",
    ...overrides,
  });
}
