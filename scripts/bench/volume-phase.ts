import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type postgres from "postgres";
import { PaymentClient } from "@portone/server-sdk";
import { emulatorDefaults, startEmulator } from "portone-emulator";
import { E2E_CRON_SECRET } from "../../e2e/support/stack-urls";
import { startPortOneEmulatorProcess } from "../lib/portone";
import { onShutdown, startNext } from "../lib/processes";
import { benchPasswordHash, createUsers, issueTestBillingKey, signIn } from "./fixtures";
import { describe, measure } from "./measure";
import { emulatorStateFor, residentKb, seedVolume, VOLUME } from "./volume";

const AT_PORTONE = 100_000;
const REQUESTS_PER_PAGE = 40;

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** One PortOne payment as the emulator keeps it, to copy: paid with a billing key on a scratch emulator. */
async function emulatorPaymentRecord(): Promise<Record<string, unknown>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "bench-emulator-"));
  const stateFile = path.join(folder, "state.json");
  const emulator = await startEmulator({ port: 0, webhookUrl: "", stateFile });
  try {
    const portone = PaymentClient({ secret: emulator.config.apiSecret, baseUrl: emulator.url });
    const billingKey = await issueTestBillingKey(portone);
    await portone.payWithBillingKey({
      paymentId: "pc-template",
      billingKey,
      channelKey: emulatorDefaults.channels.find((channel) => channel.payMethod === "CARD")!.key,
      orderName: "포인트 1,000P 충전",
      amount: { total: 1000 },
      currency: "KRW",
    });
  } finally {
    await emulator.close();
  }
  const state = JSON.parse(await readFile(stateFile, "utf8")) as { payments: Record<string, unknown>[] };
  await rm(folder, { recursive: true, force: true });
  return state.payments[0]!;
}

/** Resident memory of a process and its children (kB): `next start` serves from a child process. */
function treeResidentKb(pid: number): Promise<number> {
  const children = (() => {
    try {
      return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  })();
  return Promise.all(
    [pid, ...children].map((id) =>
      residentKb(id).then(
        (kb) => kb.now,
        () => 0,
      ),
    ),
  ).then((all) => all.reduce((sum, kb) => sum + kb, 0));
}

/**
 * The store at volume: /history and the admin pages over 1,000,000 ledger entries and 200,000
 * payments (one request at a time, so the latency is the server's), then reconciliation on an
 * instance whose PortOne has 100,000 of those payments in the window, with its memory sampled.
 */
export async function volumePhase(input: {
  sql: postgres.Sql;
  appUrl: string;
  env: NodeJS.ProcessEnv;
  admin: { id: string; email: string };
  ports: { app: number; emulator: number };
}): Promise<string[]> {
  const { sql } = input;
  console.log(
    `\nwriting the volume (${VOLUME.users.toLocaleString()} users, ${(VOLUME.users * VOLUME.entriesPerUser).toLocaleString()} ledger entries, ${(VOLUME.users * VOLUME.paymentsPerUser).toLocaleString()} payments)…`,
  );
  const seeding = performance.now();
  const volume = await seedVolume(sql);
  const seededIn = (performance.now() - seeding) / 1000;
  await sql`update users set is_admin = true where id = ${input.admin.id}`;
  await sql`update users set password_hash = ${await benchPasswordHash()} where id = ${volume.user.id}`;
  const buyer = await signIn(input.appUrl, volume.user.email);
  // The same page for a buyer with nothing yet: what rendering costs apart from the data.
  const [newcomer] = await createUsers(sql, 1);
  const newcomerCookie = await signIn(input.appUrl, newcomer!.email);
  const admin = await signIn(input.appUrl, input.admin.email);
  const [deep] = await sql<{ seq: number }[]>`
    select seq from point_entries where user_id = ${volume.user.id} order by seq desc offset 60 limit 1`;
  const deepCursor = Buffer.from(JSON.stringify([deep!.seq])).toString("base64url");

  const page = (url: string, cookie: string) => async () => {
    const response = await fetch(`${input.appUrl}${url}`, { headers: { Cookie: cookie } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    await response.text();
  };
  const timed = async (label: string, work: () => Promise<void>) => {
    for (let warm = 0; warm < 3; warm += 1) await work();
    const figures = await measure(Array.from({ length: REQUESTS_PER_PAGE }), 1, work);
    return `${describe(label, figures)}  ${figures.p95 <= 50 ? "✓" : "✗"} (target p95 ≤ 50 ms)`;
  };
  const lines = [
    `=== volume: ${(VOLUME.users * VOLUME.entriesPerUser).toLocaleString()} ledger entries, ${(VOLUME.users * VOLUME.paymentsPerUser).toLocaleString()} payments (written in ${seededIn.toFixed(0)} s) ===`,
    await timed("GET /history (a new buyer's, empty)", page("/history", newcomerCookie)),
    await timed("GET /history (first page)", page("/history", buyer)),
    await timed("GET /history (entries page 7)", page(`/history?entries=${deepCursor}`, buyer)),
    await timed("GET /admin (latest 50)", page("/admin", admin)),
    await timed("GET /admin?q=<e-mail part>", page(`/admin?q=${encodeURIComponent(volume.emailFragment)}`, admin)),
    await timed("GET /admin?q=<payment id>", page(`/admin?q=${volume.paymentId}`, admin)),
    await timed("GET /admin?status=REFUNDED", page("/admin?status=REFUNDED", admin)),
    await timed("GET /admin/payments/<id>", page(`/admin/payments/${volume.paymentId}`, admin)),
    await timed("GET /admin/users/<id>", page(`/admin/users/${volume.user.id}`, admin)),
  ];

  // PortOne with 100,000 of the payments, changed in the last 33 hours, and an instance using it.
  console.log(`\npreparing PortOne's side of ${AT_PORTONE.toLocaleString()} payments…`);
  const rows = await sql<{ id: string; transactionId: string; paidAt: Date }[]>`
    select id, transaction_id as "transactionId", paid_at as "paidAt" from payments
    where id like ${`pc-vol-${volume.tag}-%`} order by id limit ${AT_PORTONE}`;
  const folder = await mkdtemp(path.join(os.tmpdir(), "bench-volume-"));
  onShutdown(() => rm(folder, { recursive: true, force: true }));
  const stateFile = path.join(folder, "state.json");
  await writeFile(stateFile, JSON.stringify(emulatorStateFor(await emulatorPaymentRecord(), rows)));
  const portoneEnv = await startPortOneEmulatorProcess(input.ports.emulator, {
    PORTONE_EMULATOR_STATE_FILE: stateFile,
  });
  const appUrl = `http://localhost:${input.ports.app}`;
  const instance = startNext(["start", "--port", String(input.ports.app)], {
    ...input.env,
    ...portoneEnv,
    APP_URL: appUrl,
    RECONCILE_LEASE_SECONDS: "60",
  });
  await waitFor(`${appUrl}/api/health`);

  const reconcile = async (query: string) => {
    const before = await treeResidentKb(instance.pid!);
    let peak = before;
    const sampler = setInterval(() => {
      void treeResidentKb(instance.pid!).then((kb) => (peak = Math.max(peak, kb)));
    }, 50);
    const started = performance.now();
    const response = await fetch(`${appUrl}/api/reconcile?windowHours=48${query}`, {
      headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    const summary = (await response.json()) as {
      checked?: { portonePayments: number };
      changes?: unknown[];
      errors?: unknown[];
      ledgerCheck?: { scope: string };
      ledgerViolations?: unknown[];
    };
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (!response.ok) throw new Error(`reconcile answered ${response.status}: ${JSON.stringify(summary)}`);
    return (
      `${`reconcile, ${summary.ledgerCheck?.scope} ledger check`.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s   ` +
      `PortOne payments walked ${summary.checked?.portonePayments.toLocaleString()}, changes ${summary.changes?.length}, ` +
      `errors ${summary.errors?.length}, violations ${summary.ledgerViolations?.length}; ` +
      `RSS ${(before / 1024).toFixed(0)} → peak ${(peak / 1024).toFixed(0)} MB (+${((peak - before) / 1024).toFixed(0)} MB, target: bounded)`
    );
  };
  lines.push(await reconcile("&fullLedgerCheck=1"), await reconcile(""));
  return lines;
}
