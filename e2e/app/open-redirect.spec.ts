import { expect, test, type Page } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";
import { E2E_APP_URL } from "../support/stack-urls";

// callbackUrl values as they appear in an attacker's link (the query string's raw text).
const HOSTILE_CALLBACKS = [
  "/%09/evil.example",
  "/%09%5Cevil.example",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example",
  "%2F%2Fevil.example",
  "/%0a/x",
  "/%0d/x",
];
// Kept, but percent-encoded in the redirect: a Location header carries ASCII only.
const KOREAN_CALLBACK = {
  raw: "/history?q=%ED%8F%AC%EC%9D%B8%ED%8A%B8",
  lands: "/history?q=%ED%8F%AC%EC%9D%B8%ED%8A%B8",
};

/** Any page on the attacker's site answers, so a redirect there is observed rather than a DNS error. */
async function standUpEvilSite(page: Page) {
  await page.context().route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ contentType: "text/html", body: "<h1>evil</h1>" }),
  );
}

function expectOnOurSite(page: Page, value: string) {
  expect(new URL(page.url()).origin, `callbackUrl=${value} led to ${page.url()}`).toBe(E2E_APP_URL);
}

test("a signed-in visit to sign-in or sign-up with a hostile callback stays on this site", async ({ page }) => {
  await standUpEvilSite(page);
  await new AuthPages(page).signUp(newTestUser());
  for (const path of ["/sign-in", "/sign-up"]) {
    for (const value of HOSTILE_CALLBACKS) {
      // A redirect to the attacker's host fails here with net::ERR_NAME_NOT_RESOLVED.
      const response = await page.goto(`${path}?callbackUrl=${value}`);
      expectOnOurSite(page, value);
      expect(response?.status(), `${path}?callbackUrl=${value}`).toBeLessThan(500);
    }
    await page.goto(`${path}?callbackUrl=${KOREAN_CALLBACK.raw}`);
    await expect(page).toHaveURL(`${E2E_APP_URL}${KOREAN_CALLBACK.lands}`);
    await expect(page.getByRole("heading", { name: "충전 내역" })).toBeVisible();
  }
});

test("signing in from a link with a hostile callback lands on this site", async ({ page }) => {
  await standUpEvilSite(page);
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  await page.context().clearCookies();
  for (const value of HOSTILE_CALLBACKS) {
    await auth.signIn(user.email, user.password, `/sign-in?callbackUrl=${value}`);
    await page.waitForURL((url) => url.origin !== E2E_APP_URL || url.pathname !== "/sign-in");
    expectOnOurSite(page, value);
    await expect(page.getByRole("heading", { name: `안녕하세요, ${user.name}님` })).toBeVisible();
    await page.context().clearCookies();
  }
});

test("signing up from a link with a hostile callback lands on this site", async ({ page }) => {
  await standUpEvilSite(page);
  const auth = new AuthPages(page);
  for (const value of HOSTILE_CALLBACKS.slice(0, 3)) {
    await page.context().clearCookies();
    await auth.signUp(newTestUser(), `/sign-up?callbackUrl=${value}`);
    await page.waitForURL((url) => url.origin !== E2E_APP_URL || url.pathname !== "/sign-up");
    expectOnOurSite(page, value);
  }
});

test("next-auth's own endpoint redirects a hostile callbackUrl to this site, never a 500", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  await auth.signOut();
  for (const raw of [...HOSTILE_CALLBACKS, KOREAN_CALLBACK.raw]) {
    const callbackUrl = decodeURIComponent(raw);
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: user.password, callbackUrl },
      maxRedirects: 0,
    });
    expect(response.status(), `callbackUrl=${raw}`).toBe(302);
    const location = response.headers()["location"] ?? "";
    expect(location, `callbackUrl=${raw}`).toMatch(/^[\x21-\x7e]+$/);
    expect(new URL(location, E2E_APP_URL).origin, `callbackUrl=${raw} → ${location}`).toBe(E2E_APP_URL);
    await page.context().clearCookies();
  }
});
