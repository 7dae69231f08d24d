import os from "node:os";
import path from "node:path";
import { E2E_STALE_ADMIN_EMAIL, E2E_CRON_SECRET, E2E_SERVICE_API_KEY } from "../../e2e/support/stack-urls";
import { builtAppEnv } from "./app-env";
import { prepareDatabase } from "./database";
import { startPortOneEmulator, startPortOneEmulatorProcess } from "./portone";
import { runNextToCompletion, startNext } from "./processes";
import type { ChildProcess } from "node:child_process";

/**
 * The built app (`next build` + `next start`) with the PortOne emulator and a database: what the
 * browser tests and the benchmark run against. DATABASE_URL when set, else a throwaway embedded
 * PostgreSQL. Webhook retries are compressed from minutes to fractions of a second.
 */
export async function startBuiltStack(
  ports: { app: number; emulator: number; embeddedPostgres: number },
  options: {
    /** "process": the emulator runs apart and sends no webhooks (the benchmark sends its own). */
    emulator?: "in-process" | "process";
    /** Where the app writes its mail; default a folder of this process's own under the system's temp. */
    mailCaptureDir?: string;
  } = {},
) {
  const appUrl = `http://localhost:${ports.app}`;
  const databaseUrl = await prepareDatabase({
    databaseUrl: process.env.DATABASE_URL,
    embedded: { temporary: true, port: ports.embeddedPostgres },
  });
  const portoneEnv =
    options.emulator === "process"
      ? await startPortOneEmulatorProcess(ports.emulator)
      : await startPortOneEmulator({
          port: ports.emulator,
          webhookUrl: `${appUrl}/api/webhooks/portone`,
          retryScale: 0.001,
          webhookTimeoutMs: 5_000,
        });
  const env: NodeJS.ProcessEnv = {
    ...builtAppEnv({
      portoneEnv,
      databaseUrl,
      serviceApiKey: E2E_SERVICE_API_KEY,
      cronSecret: E2E_CRON_SECRET,
      cancelTimeoutMs: 3_000,
      mailCaptureDir: options.mailCaptureDir ?? path.join(os.tmpdir(), `pointcharge-mail-${process.pid}`),
    }),
    APP_URL: appUrl,
    // A stale deployment may still set this; the app no longer reads it, and it must grant nothing
    // (e2e/app/admin-grant.spec.ts signs up with this address and expects 403).
    ADMIN_EMAILS: E2E_STALE_ADMIN_EMAIL,
  };
  await runNextToCompletion(["build"], env);
  const next: ChildProcess = startNext(["start", "--port", String(ports.app)], env);
  return { appUrl, databaseUrl, env, next };
}
