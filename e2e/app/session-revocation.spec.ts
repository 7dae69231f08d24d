import { expect, test } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";

const GREETING = (name: string) => ({ name: `안녕하세요, ${name}님` });

test("a session cookie copied before sign-out is signed out too", async ({ page, browser }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.includes("authjs.session-token"))).toBe(true);
  // The API knows the session before (and keeps its decrypted cookie), and must refuse it after.
  const before = await page.request.post("/api/payments/complete", { data: { paymentId: "any-payment" } });
  expect(before.status()).toBe(404);
  await auth.signOut();

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const replayPage = await replay.newPage();
  await replayPage.goto("/account");
  await expect(replayPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount&reason=expired$/);
  const api = await replay.request.post("/api/payments/complete", { data: { paymentId: "any-payment" } });
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: "unauthenticated" });
  await replay.close();
});

test("signing out on every device ends the session in another browser", async ({ page, browser }) => {
  const user = newTestUser();
  await new AuthPages(page).signUp(user);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await new AuthPages(otherPage).signIn(user.email, user.password);
  await expect(otherPage.getByRole("heading", GREETING(user.name))).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "모든 기기에서 로그아웃" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount&reason=expired$/);

  // A new sign-in after it works as usual.
  await new AuthPages(otherPage).signIn(user.email, user.password, "");
  await expect(otherPage).toHaveURL(/\/account$/);
  await expect(otherPage.getByText(user.email, { exact: true })).toBeVisible();
  await other.close();
});
