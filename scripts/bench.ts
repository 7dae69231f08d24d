import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { emulatorDefaults, webhookHeaders } from "portone-emulator";
import { completeDirectly } from "./bench/bare-transaction";
import { createPendingPayments, createUsers, payAtPortOne, signIn } from "./bench/fixtures";
import { describe, measure } from "./bench/measure";
import { firstLoadScriptBytes, writeOneButtonApp } from "./bench/page-weight";
import { volumePhase } from "./bench/volume-phase";
import { startBuiltStack } from "./lib/built-stack";
import { exitOnSignals, onShutdown, runNextToCompletion, shutdown, startNext } from "./lib/processes";

/**
 * `npm run bench`: completion and webhook throughput of the built app against the emulator and
 * PostgreSQL, beside the bare database transaction a completion performs, and the charge page's
 * first-load JavaScript beside a one-button page, then the pages and reconciliation at volume
 * (scripts/bench/volume-phase.ts; `--no-volume` skips it). Prints figures beside their targets;
 * asserts nothing.
 */
const CONCURRENCY = 16;
const PER_USER = 25; // 16 users × 25 = 400 payments per phase
const WARM_UP_PER_USER = 3;
const PORTS = { app: 3200, emulator: 4210, embeddedPostgres: 54340 };
const BASELINE_PORT = 3201;
const VOLUME_PORTS = { app: 3202, emulator: 4211 };

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

exitOnSignals();
try {
  const stack = await startBuiltStack(PORTS, { emulator: "process" });
  await waitForHealth(`${stack.appUrl}/api/health`);
  const emulatorUrl = `http://localhost:${PORTS.emulator}`;
  const sql = postgres(stack.databaseUrl, { max: 10, onnotice: () => {} });

  const users = await createUsers(sql, CONCURRENCY);
  const cookies = new Map(
    await Promise.all(users.map(async (user) => [user.id, await signIn(stack.appUrl, user.email)] as const)),
  );
  const ids = users.map((user) => user.id);

  console.log("\npreparing payments (paid at the emulator, pending in the app)…");
  const forCompletion = await createPendingPayments(sql, ids, PER_USER);
  const forWebhooks = await createPendingPayments(sql, ids, PER_USER);
  const forBare = await createPendingPayments(sql, ids, PER_USER);
  const forWarmUp = await createPendingPayments(sql, ids, WARM_UP_PER_USER);
  const forWebhookWarmUp = await createPendingPayments(sql, ids, WARM_UP_PER_USER);
  await payAtPortOne(
    emulatorUrl,
    [...forCompletion, ...forWebhooks, ...forWarmUp, ...forWebhookWarmUp].map((payment) => payment.id),
  );

  const complete = async (payment: { id: string; userId: string }) => {
    const response = await fetch(`${stack.appUrl}/api/payments/complete`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookies.get(payment.userId)! },
      body: JSON.stringify({ paymentId: payment.id }),
    });
    if (!response.ok) throw new Error(`completion ${response.status}`);
  };
  const sendWebhook = async (payment: { id: string }) => {
    const body = JSON.stringify({
      type: "Transaction.Paid",
      timestamp: new Date().toISOString(),
      data: { storeId: emulatorDefaults.storeId, paymentId: payment.id, transactionId: "tx" },
    });
    const response = await fetch(`${stack.appUrl}/api/webhooks/portone`, {
      method: "POST",
      headers: webhookHeaders(emulatorDefaults.webhookSecrets, randomUUID(), body),
      body,
    });
    if (!response.ok) throw new Error(`webhook ${response.status}`);
  };
  // Steady state, not a cold start: each route's first requests load and compile its modules, and
  // a fresh process's JIT has not yet optimised anything; those are paid once per process.
  await measure(forWarmUp, CONCURRENCY, complete);
  await measure(forWebhookWarmUp, CONCURRENCY, sendWebhook);
  await measure(
    forWarmUp,
    CONCURRENCY,
    async () => void (await fetch(`${stack.appUrl}/api/health`).then((r) => r.text())),
  );

  const completion = await measure(forCompletion, CONCURRENCY, complete);
  const webhooks = await measure(forWebhooks, CONCURRENCY, sendWebhook);
  const bare = await measure(forBare, CONCURRENCY, (payment) => completeDirectly(sql, payment));

  // Where the completion's time goes: the same route answering before any work (401), the
  // session check plus the ownership query (404 for an unknown id), and a route with one query.
  const probes = Array.from({ length: forCompletion.length }, (_, index) => index);
  const post = (cookie: string | undefined) => (body: string) =>
    fetch(`${stack.appUrl}/api/payments/complete`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body,
    }).then((r) => r.text());
  const unauthenticated = await measure(probes, CONCURRENCY, async () => void (await post(undefined)("{}")));
  const sessionOnly = await measure(
    probes,
    CONCURRENCY,
    async () => void (await post(cookies.get(ids[0]!))(JSON.stringify({ paymentId: "pc-unknown" }))),
  );
  const health = await measure(
    probes,
    CONCURRENCY,
    async () => void (await fetch(`${stack.appUrl}/api/health`).then((r) => r.text())),
  );
  // PortOne's side of a completion, answered here by the emulator on the same two cores.
  const portOneLookup = await measure(forCompletion, CONCURRENCY, async (payment) => {
    const response = await fetch(`${emulatorUrl}/payments/${encodeURIComponent(payment.id)}`, {
      headers: { Authorization: `PortOne ${emulatorDefaults.apiSecret}` },
    });
    if (!response.ok) throw new Error(`emulator ${response.status}`);
    await response.text();
  });

  const [[credited]] = [
    await sql`select count(*)::int as n from point_entries where kind = 'charge' and user_id = any(${ids})`,
  ];
  const chargeBytes = await firstLoadScriptBytes(`${stack.appUrl}/charge`, cookies.get(ids[0]!));

  const baselineFolder = path.resolve(".data/bench-one-button");
  // A second app folder under the project makes a running `next dev` reload endlessly: remove
  // it as soon as the benchmark ends.
  onShutdown(() => rm(baselineFolder, { recursive: true, force: true }));
  await writeOneButtonApp(baselineFolder);
  await runNextToCompletion(["build", baselineFolder], {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  startNext(["start", baselineFolder, "--port", String(BASELINE_PORT)], {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await waitForHealth(`http://localhost:${BASELINE_PORT}/`);
  const baselineBytes = await firstLoadScriptBytes(`http://localhost:${BASELINE_PORT}/`);

  console.log(`\n=== bench (${CONCURRENCY} concurrent clients, ${forCompletion.length} payments per phase) ===`);
  console.log(describe("completion  POST /api/payments/complete", completion));
  console.log(describe("webhook     POST /api/webhooks/portone", webhooks));
  console.log(describe("bare completion transaction (SQL)", bare));
  console.log("  where the completion's time goes:");
  console.log(describe("  same route, no session (401)", unauthenticated));
  console.log(describe("  session + ownership query (404)", sessionOnly));
  console.log(describe("  GET /api/health (one query)", health));
  console.log(describe("  PortOne GET /payments/{id} (emulator)", portOneLookup));
  console.log(
    `completion / health route           ${(completion.perSecond / health.perSecond).toFixed(2)}  (target ≥ 0.35)`,
  );
  console.log(`completion / bare transaction       ${(completion.perSecond / bare.perSecond).toFixed(2)}`);
  console.log(
    `ledger entries written               ${credited?.n} (expected ${forCompletion.length * 3 + forWarmUp.length + forWebhookWarmUp.length})`,
  );
  console.log(`first-load JS, /charge (gzip)        ${(chargeBytes / 1024).toFixed(1)} kB`);
  console.log(`first-load JS, one-button page       ${(baselineBytes / 1024).toFixed(1)} kB`);
  console.log(
    `difference                           ${((chargeBytes - baselineBytes) / 1024).toFixed(1)} kB  (target ≤ 20 kB)\n`,
  );
  if (!process.argv.includes("--no-volume")) {
    const volumeLines = await volumePhase({
      sql,
      appUrl: stack.appUrl,
      env: stack.env,
      admin: users[0]!,
      ports: VOLUME_PORTS,
    });
    console.log(`\n${volumeLines.join("\n")}\n`);
  }
  await sql.end();
  await shutdown(0);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
