import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { migrateDatabase } from "../../db/migrate";
import { startEmulator, type EmulatorConfig, type RunningEmulator } from "portone-emulator";
import { appEnvForEmulator } from "../../scripts/lib/portone";
import { createScratchDatabase } from "./postgres";

/**
 * The app's own domain code (lib/) for one test file, against a fresh migrated PostgreSQL and a
 * PortOne emulator over HTTP: the same adapter, queries and transactions the app runs, without a
 * browser. `lib/env` reads process.env when first imported, so tests import lib modules
 * dynamically, after this suite's beforeAll has set the environment.
 */
export function domainSuite(
  /** Emulator settings (its V1 token lifetime, say) and app variables (the V1 credentials) of this file. */
  overrides: { emulator?: Partial<EmulatorConfig>; env?: (emulator: RunningEmulator) => Record<string, string> } = {},
) {
  const suite = {} as { emulator: RunningEmulator; databaseUrl: string; mailDir: string };
  let database: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

  beforeAll(async () => {
    database = await createScratchDatabase();
    await migrateDatabase(database.url);
    suite.databaseUrl = database.url;
    // Without SMTP_URL the app writes its mail here (a file that sets SMTP_URL sends it instead).
    suite.mailDir = await mkdtemp(path.join(os.tmpdir(), "points-mail-"));
    // No webhooks: each test decides when the app hears of PortOne's changes.
    suite.emulator = await startEmulator({
      port: 0,
      webhookUrl: "",
      retryScale: 0.0005,
      webhookTimeoutMs: 1_000,
      ...overrides.emulator,
    });
    Object.assign(process.env, appEnvForEmulator(suite.emulator.url, suite.emulator.config), {
      NODE_ENV: "test",
      DATABASE_URL: database.url,
      AUTH_SECRET: "domain-tests-auth-secret-0123456789abcdef",
      APP_URL: "http://localhost:3000",
      MAIL_CAPTURE_DIR: suite.mailDir,
      PORTONE_CANCEL_TIMEOUT_MS: "2000",
      // Failures only; a test that reads the logs sets its own level.
      LOG_LEVEL: "warn",
      ...overrides.env?.(suite.emulator),
    });
  });

  afterAll(async () => {
    const { db } = await import("@/db");
    await db.$client.end();
    // db/index.ts keeps its pool on globalThis outside production; the next file needs its own.
    delete (globalThis as { pointsSql?: unknown }).pointsSql;
    await suite.emulator?.close();
    await database?.drop();
    if (suite.mailDir) await rm(suite.mailDir, { recursive: true, force: true });
  });

  return suite;
}

type Suite = ReturnType<typeof domainSuite>;

/** A user who has agreed to the texts in force, as everyone who may pay has; `consented: false` for one who has not. */
export async function newUser(email: string, { consented = true } = {}): Promise<string> {
  const { db } = await import("@/db");
  const { users } = await import("@/db/schema");
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id });
  if (consented) await agreeToPaymentTerms(user!.id);
  return user!.id;
}

/** What ticking the charge page's boxes records: agreement to the current terms, privacy notice and refund policy. */
export async function agreeToPaymentTerms(userId: string): Promise<void> {
  const { acceptPaymentConsents, paymentConsentsDue } = await import("@/lib/legal/consents");
  const due = await paymentConsentsDue(userId);
  const accepted = await acceptPaymentConsents(userId, Object.fromEntries(due.map((doc) => [doc.id, doc.version])));
  if (!accepted.ok) throw new Error(`consent refused: ${accepted.code}`);
}

/**
 * A checkout created by the app (PENDING row, amount pre-registered) and answered in PortOne's
 * window over HTTP, as the browser script does; `tamper` changes the request on its way, as a
 * hostile browser could. The app has not synced it yet.
 */
export async function payAtPortOne(
  suite: Suite,
  userId: string,
  options: {
    packageId?: string;
    payOptionId?: string;
    outcome?: "approve" | "decline" | "cancel" | "issue";
    tamper?: (request: Record<string, unknown>) => Record<string, unknown>;
    /** PortOne forgets the pre-registered amount (a PG that ignores it): only the app's own check is left. */
    forgetPreRegisteredAmount?: boolean;
  } = {},
): Promise<string> {
  const { createCheckout } = await import("@/lib/payments/checkout/create-checkout");
  const checkout = await createCheckout({
    userId,
    packageId: options.packageId ?? "points-10000",
    payOptionId: options.payOptionId ?? "card",
    customer: { name: "테스트", email: null },
  });
  if (!checkout.ok) throw new Error(`checkout refused: ${checkout.code}`);
  if (checkout.checkout.provider !== "v2") throw new Error("the store is not on PortOne V2");
  if (!("request" in checkout.checkout)) throw new Error("the option pays through the PG's button");
  const { paymentId } = checkout.checkout;
  if (options.forgetPreRegisteredAmount) await preRegisterWithoutAmount(suite, paymentId);
  const request = options.tamper ? options.tamper({ ...checkout.checkout.request }) : checkout.checkout.request;
  const opened = await fetch(`${suite.emulator.url}/checkout-api/payments`, {
    method: "POST",
    body: JSON.stringify({
      request,
      mode: "IFRAME",
      parentOrigin: "http://localhost:3000",
      pageUrl: "http://localhost:3000/charge",
    }),
  });
  const { txId } = (await opened.json()) as { txId?: string };
  if (!opened.ok || !txId) throw new Error(`PortOne's window refused the request (${opened.status})`);
  const answered = await fetch(`${suite.emulator.url}/checkout/${txId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome: options.outcome ?? "approve" }).toString(),
    redirect: "manual",
  });
  if (answered.status >= 400) throw new Error(`PortOne's window failed (${answered.status})`);
  return paymentId;
}

async function preRegisterWithoutAmount(suite: Suite, paymentId: string): Promise<void> {
  const response = await fetch(`${suite.emulator.url}/payments/${paymentId}/pre-register`, {
    method: "POST",
    headers: { Authorization: `PortOne ${suite.emulator.config.apiSecret}` },
    body: JSON.stringify({ storeId: suite.emulator.config.storeId }),
  });
  if (!response.ok) throw new Error(`pre-register refused: ${response.status}`);
}

/** The customer transfers the money into an issued virtual account (PortOne's test deposit). */
export async function depositAtPortOne(suite: Suite, paymentId: string): Promise<void> {
  const response = await fetch(`${suite.emulator.url}/__emulator/payments/${paymentId}/deposit`, { method: "POST" });
  if (!response.ok) throw new Error(`deposit refused: ${response.status}`);
}

/** A new user's 10,000-won charge, paid at PortOne and synced: credited, status PAID. */
export async function paidCharge(suite: Suite, email: string): Promise<{ userId: string; paymentId: string }> {
  const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
  const userId = await newUser(email);
  const paymentId = await payAtPortOne(suite, userId, { packageId: "points-10000" });
  const synced = await syncPayment(paymentId);
  if (!synced.ok || synced.status !== "PAID") throw new Error(`charge ${paymentId} did not end PAID`);
  return { userId, paymentId };
}

/** An operator cancels in PortOne's console (all, or `amount`). */
export async function cancelInPortOneConsole(suite: Suite, paymentId: string, amount?: number): Promise<void> {
  const response = await fetch(`${suite.emulator.url}/console/payments/${paymentId}/cancel`, {
    method: "POST",
    body: new URLSearchParams(amount === undefined ? {} : { amount: String(amount) }).toString(),
    redirect: "manual",
  });
  const location = decodeURIComponent(response.headers.get("location") ?? "");
  if (location.includes("실패")) throw new Error(`console cancel failed: ${location}`);
}

/** PortOne's next `count` calls about the payment (to `endpoint`, e.g. "POST /payments/{paymentId}/cancel") fail with a 503. */
export async function failPortOneCalls(
  suite: Suite,
  paymentId: string,
  count: number,
  endpoint?: string,
): Promise<void> {
  const response = await fetch(`${suite.emulator.url}/__emulator/faults/api`, {
    method: "POST",
    body: JSON.stringify({ paymentId, kind: "error", status: 503, count, endpoint }),
  });
  if (!response.ok) throw new Error(`fault refused: ${response.status}`);
}

/** The payment as PortOne has it (status, amounts), read through the official server SDK. */
export async function portOneView(suite: Suite, paymentId: string) {
  const { PaymentClient } = await import("@portone/server-sdk");
  const payment = await PaymentClient({
    secret: suite.emulator.config.apiSecret,
    baseUrl: suite.emulator.url,
  }).getPayment({ paymentId });
  const amount = (payment as { amount?: { total: number; cancelled: number } }).amount;
  return { status: payment.status, total: amount?.total ?? 0, cancelled: amount?.cancelled ?? 0 };
}

/** What the user and the ledger show: balance, entries in order, invariant violations. */
export async function pointsOf(userId: string) {
  const { db } = await import("@/db");
  const { pointEntries, users } = await import("@/db/schema");
  const { findLedgerViolations } = await import("@/lib/points/invariant");
  const { asc, eq } = await import("drizzle-orm");
  const [user] = await db
    .select({ paid: users.paidBalance, bonus: users.bonusBalance })
    .from(users)
    .where(eq(users.id, userId));
  const entries = await db
    .select({ kind: pointEntries.kind, paid: pointEntries.paidDelta, bonus: pointEntries.bonusDelta })
    .from(pointEntries)
    .where(eq(pointEntries.userId, userId))
    .orderBy(asc(pointEntries.seq));
  return {
    balance: user!,
    entries: entries.map((entry) => [entry.kind, entry.paid, entry.bonus]),
    violations: await findLedgerViolations(),
  };
}

export async function statusOf(paymentId: string) {
  const { db } = await import("@/db");
  const { payments } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [row] = await db
    .select({
      status: payments.status,
      releasedAt: payments.releasedAt,
      failureReason: payments.failureReason,
      virtualAccount: payments.virtualAccount,
    })
    .from(payments)
    .where(eq(payments.id, paymentId));
  return row;
}

/** A call to the emulator's control API (faults, settlements); see portone-emulator/README.md. */
export async function controlPortOne(suite: Suite, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${suite.emulator.url}/__emulator${path}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}
