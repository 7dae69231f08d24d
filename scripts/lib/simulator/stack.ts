import { randomBytes } from "node:crypto";
import { existsSync, openSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { migrateDatabase } from "../../../db/migrate";
import { createScratchDatabase } from "../../../tests/support/postgres";
import { builtAppEnv } from "../app-env";
import { startBalancer } from "./balancer";
import { startPortOneEmulator } from "../portone";
import { onShutdown, runNextToCompletion, startNext } from "../processes";
import { waitForApp } from "../../../e2e/support/wait-for-app";

/** Ports apart from the dev stack (3000/4010) and the Playwright stack (3100/3181/4110). */
export const SIM_APP_PORTS = [3300, 3301] as const;
export const SIM_EMULATOR_PORT = 4310;
export const SIM_SERVICE_API_KEY = `sim-service-${randomBytes(16).toString("hex")}`;
export const SIM_CRON_SECRET = `sim-cron-${randomBytes(16).toString("hex")}`;

export interface AppInstance {
  url: string;
  /** Undefined while killed. */
  child?: ChildProcess;
}

/**
 * The built app twice (`next start` on one PostgreSQL) with the PortOne emulator: a fresh scratch
 * database on DATABASE_URL's server (or an embedded one). PortOne's webhooks reach both instances
 * through a round-robin balancer; with both down they fail and are retried on PortOne's
 * (compressed) schedule.
 */
export async function startSimulationStack(options: { reuseBuild: boolean }) {
  const database = await createScratchDatabase();
  onShutdown(() => database.drop());
  await migrateDatabase(database.url);
  const urls = SIM_APP_PORTS.map((port) => `http://localhost:${port}`);
  const balancer = await startBalancer(urls);
  onShutdown(() => balancer.close());
  const portoneEnv = await startPortOneEmulator({
    port: SIM_EMULATOR_PORT,
    webhookUrl: `${balancer.url}/api/webhooks/portone`,
    retryScale: 0.0005,
    webhookTimeoutMs: 5_000,
    // Deposit refunds settle a little later than an answer, as the PG's business days compressed.
    virtualAccountRefundMs: 1_500,
  });
  const env = {
    ...builtAppEnv({
      portoneEnv,
      databaseUrl: database.url,
      serviceApiKey: SIM_SERVICE_API_KEY,
      cronSecret: SIM_CRON_SECRET,
      cancelTimeoutMs: 2_000,
      mailCaptureDir: path.join(os.tmpdir(), `pointcharge-simulate-mail-${process.pid}`),
    }),
    // A reconciliation cut off by a kill blocks the next one only this long.
    RECONCILE_LEASE_SECONDS: "5",
  };
  if (!(options.reuseBuild && existsSync(".next/BUILD_ID"))) await runNextToCompletion(["build"], env);
  const logFile = path.join(os.tmpdir(), `pointcharge-simulate-${process.pid}.log`);
  const output = openSync(logFile, "a");
  const instances: AppInstance[] = urls.map((url) => ({ url }));

  const start = async (index: number) => {
    const instance = instances[index]!;
    const port = new URL(instance.url).port;
    instance.child = startNext(["start", "--port", port], { ...env, APP_URL: instance.url }, output);
    await waitForApp(instance.url);
  };
  /** `kill -9`: no shutdown hooks, transactions cut off mid-way. */
  const kill = (index: number) => {
    instances[index]!.child?.kill("SIGKILL");
    instances[index]!.child = undefined;
  };
  await Promise.all(instances.map((_, index) => start(index)));
  return {
    databaseUrl: database.url,
    emulatorUrl: portoneEnv.PORTONE_API_BASE!,
    apiSecret: portoneEnv.PORTONE_API_SECRET!,
    instances,
    balancer,
    start,
    kill,
    logFile,
  };
}

export type SimulationStack = Awaited<ReturnType<typeof startSimulationStack>>;
