import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The emulator's browser specs: the unmodified @portone/browser-sdk against an emulator per
// worker (no app). Prefers a system Chromium (Debian's), else Playwright's own browser.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
);

export default defineConfig({
  projects: [
    { name: "emulator", testDir: "./e2e" },
    // The example app's own test, through the package's public entry and Playwright fixture.
    // Serial: its "lost webhook" test drops every webhook of its worker's emulator for a while.
    { name: "example", testDir: "./examples", fullyParallel: false },
  ],
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    channel: undefined,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    },
  },
});
