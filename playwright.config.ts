import { defineConfig, devices } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { E2E_APP_URL, E2E_V1_APP_URL } from "./e2e/support/stack-urls";
import { TOPOLOGY_APP_URL } from "./e2e/support/topology-urls";

// Read by e2e/support/stack-urls.ts in the test stack and the workers, which inherit it.
process.env.E2E_RUN_ID ??= randomUUID().slice(0, 8);

// Prefer a system Chromium (CI installs Debian's); fall back to Playwright's own browser.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
);

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Generous: two browsers, the app, the emulator and PostgreSQL share two cores in CI.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_APP_URL,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
    launchOptions: { executablePath: systemChromium, args: chromiumArgs },
  },
  projects: [
    { name: "app", testDir: "./e2e/app", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Production as deployed: nginx in front of two instances of the build, PgBouncer in
    // transaction mode in front of PostgreSQL (scripts/lib/topology.ts); skipped, saying what to
    // install, without pgbouncer and nginx.
    {
      name: "topology",
      testDir: "./e2e/topology",
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: TOPOLOGY_APP_URL },
    },
    // The same build as a store still on PortOne V1 (I'mport): iamport.js, m_redirect_url, V1 notices.
    {
      name: "v1",
      testDir: "./e2e/v1",
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: E2E_V1_APP_URL },
    },
    // Reconciliation acts on every payment in the database (and settles whatever is stale), so
    // its specs run alone, one after another, once the other app specs are done.
    {
      name: "reconcile",
      testDir: "./e2e/reconcile",
      fullyParallel: false,
      // One file at a time too: two reconciliations at once each see half of what they settle.
      workers: 1,
      dependencies: ["app", "topology", "v1"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    // The hostile-input fuzz compares the money tables before and after, so it runs once
    // nothing else writes to them.
    {
      name: "fuzz",
      testDir: "./e2e/fuzz",
      dependencies: ["reconcile"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  webServer: {
    command: "tsx scripts/e2e-stack.ts",
    url: `${E2E_APP_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
