import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

// axe-core is evaluated in the page rather than added as a <script>, which the app's CSP (nonces
// only) rightly refuses.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeResults = { violations: { id: string; nodes: { target: string[] }[] }[] };

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21aa"];

/**
 * axe's WCAG A/AA violations on the page as it is now (ids and the elements they concern). With
 * `bestPractice`, also axe's best practices (content outside landmarks, headings, …) and its
 * check that a control's accessible name contains the words it shows, which axe keeps apart as
 * experimental.
 */
export async function axeViolations(
  page: Page,
  { bestPractice = false }: { bestPractice?: boolean } = {},
): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate(axeSource);
  const options = bestPractice
    ? {
        runOnly: { type: "tag", values: [...WCAG_AA, "best-practice"] },
        rules: { "label-content-name-mismatch": { enabled: true } },
      }
    : { runOnly: { type: "tag", values: WCAG_AA } };
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    options,
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}
