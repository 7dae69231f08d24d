import { expect, test, type Page } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";
import { axeViolations } from "../support/axe";
import { SCREENS, SHOTS_DIR } from "../support/screens";

const SIGNED_OUT_PAGES = ["/", "/sign-in", "/sign-up", "/terms", "/privacy", "/refund-policy", "/no-such-page"];
const SIGNED_IN_PAGES = ["/", "/charge", "/shop", "/history", "/account", "/refund-policy"];

/**
 * Visible text outside every landmark, as axe's `region` rule finds it: a screen-reader user
 * moving by landmarks never reaches it. The skip link is exempt (it comes before them by design).
 */
function textOutsideLandmarks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const landmarks = [
      "header",
      "footer",
      "main",
      "nav",
      "aside",
      "section[aria-label]",
      "section[aria-labelledby]",
      ...["banner", "main", "contentinfo", "navigation", "region", "complementary", "search"].map(
        (role) => `[role="${role}"]`,
      ),
    ].join(",");
    const outside: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      if (element.closest(`${landmarks},script,style,template,[aria-hidden="true"],a[href^="#"]`)) continue;
      if (element.getClientRects().length === 0) continue;
      outside.push(node.textContent.trim());
    }
    return outside;
  });
}

/** Every page at both sizes, left to look at: "page-signed-in-charge-phone.png". */
const shotName = (path: string, signedIn: boolean, screen: string) =>
  `${SHOTS_DIR}/page-${signedIn ? "signed-in" : "signed-out"}-${path.replace(/^\//, "").replace(/\//g, "-") || "home"}-${screen}.png`;

async function checkLandmarks(page: Page, path: string, shot: string) {
  await page.goto(path);
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "테스트 모드 안내" })).toContainText("TEST MODE");
  expect(await textOutsideLandmarks(page), path).toEqual([]);
  expect(await axeViolations(page, { bestPractice: true }), path).toEqual([]);
  await page.screenshot({ path: shot, fullPage: true });
}

for (const { name, use } of SCREENS) {
  test.describe(`landmarks on ${name}`, () => {
    test.use(use);

    test("every page keeps all its content, the TEST MODE banner included, inside a landmark, and passes axe's best practices", async ({
      page,
    }) => {
      for (const path of SIGNED_OUT_PAGES) await checkLandmarks(page, path, shotName(path, false, name));
      await new AuthPages(page).signUp(newTestUser());
      await expect(page.getByTestId("header-balance")).toHaveText("0 P");
      for (const path of SIGNED_IN_PAGES) await checkLandmarks(page, path, shotName(path, true, name));
    });
  });
}
