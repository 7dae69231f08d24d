import { existsSync } from "node:fs";
import { developmentSecret } from "./dev-secrets";

/**
 * `npm run reconcile`: asks the running app to reconcile (GET /api/reconcile) and prints the
 * summary. APP_URL and CRON_SECRET come from the environment or .env.local; under `npm run dev`
 * the development secret in .data is used. Exits 1 when the run found errors or a broken ledger.
 * Flags: --stale-after-minutes N, --window-hours N, --full-ledger-check (every user's ledger, not
 * only those touched since the last clean check). Exits 3 when another run is at work.
 */
if (existsSync(".env.local")) process.loadEnvFile(".env.local");

const appUrl = process.env.APP_URL ?? "http://localhost:3000";
const secret =
  process.env.CRON_SECRET ??
  (existsSync(".data/cron-secret") ? await developmentSecret(".data", "cron-secret") : undefined);
if (!secret) {
  console.error(
    "CRON_SECRET is not set: set the app's CRON_SECRET here too (or run the app with `npm run dev`, which makes one).",
  );
  process.exit(2);
}

const query = new URLSearchParams();
for (const [flag, name] of [
  ["--stale-after-minutes", "staleAfterMinutes"],
  ["--window-hours", "windowHours"],
] as const) {
  const index = process.argv.indexOf(flag);
  if (index > 0 && process.argv[index + 1]) query.set(name, process.argv[index + 1]!);
}
if (process.argv.includes("--full-ledger-check")) query.set("fullLedgerCheck", "1");

const response = await fetch(`${appUrl}/api/reconcile?${query}`, {
  headers: { Authorization: `Bearer ${secret}` },
}).catch((error: unknown) => {
  console.error(`Could not reach the app at ${appUrl}: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
});
const body = (await response.json().catch(() => null)) as {
  error?: string;
  errors?: unknown[];
  ledgerViolations?: unknown[];
} | null;
console.log(JSON.stringify(body, null, 2));
if (body?.error === "reconcile_running") process.exit(3);
if (!response.ok) process.exit(2);
process.exit((body?.errors?.length ?? 0) + (body?.ledgerViolations?.length ?? 0) > 0 ? 1 : 0);
