import { expect, test } from "@playwright/test";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { emulatorDefaults } from "../support/emulator";
import { E2E_DATABASE_URL, E2E_EMULATOR_URL } from "../support/stack-urls";

test("pages carry a nonce-based CSP that allows only our origin and PortOne's", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const policy = response?.headers()["content-security-policy"] ?? "";
  const directives = Object.fromEntries(
    policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]),
  );

  expect(directives["script-src"]).toEqual([
    "'self'",
    expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]+'$/),
    E2E_EMULATOR_URL,
  ]);
  expect(directives["frame-src"]).toEqual([E2E_EMULATOR_URL]);
  expect(directives["frame-ancestors"]).toEqual(["'none'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");

  // Next's own inline scripts carry this response's nonce, so the page still works.
  const nonce = directives["script-src"]?.[1]?.slice("'nonce-".length, -1);
  expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
  expect(
    await page
      .locator("script[nonce]")
      .first()
      .evaluate((script) => (script as HTMLScriptElement).nonce),
  ).toBe(nonce);
  await expect(page.getByRole("button", { name: "로그인" })).toBeEnabled();
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test("no server secret reaches the browser bundle", async () => {
  const secrets = [emulatorDefaults.apiSecret, ...emulatorDefaults.webhookSecrets, E2E_DATABASE_URL];
  const files = await filesUnder(path.resolve(".next/static"));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = await readFile(file, "utf8");
    for (const secret of secrets) expect(text.includes(secret), `${secret.slice(0, 6)}… found in ${file}`).toBe(false);
  }
});
