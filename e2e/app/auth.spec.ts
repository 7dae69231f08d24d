import { expect, test } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";

test("sign up, sign out and sign in again", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();

  await auth.signUp(user);
  await expect(page.getByRole("heading", { name: `안녕하세요, ${user.name}님` })).toBeVisible();
  await expect(auth.headerBalance()).toHaveText("0 P");

  await auth.signOut();
  expect(await auth.hasSessionCookie()).toBe(false);

  await auth.signIn(user.email, user.password);
  await expect(page.getByRole("heading", { name: `안녕하세요, ${user.name}님` })).toBeVisible();
  expect(await auth.hasSessionCookie()).toBe(true);
});

test("a wrong password shows an error and creates no session", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  await auth.signOut();

  await auth.signIn(user.email, "not-the-password");
  await expect(auth.formAlert()).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
  expect(await auth.hasSessionCookie()).toBe(false);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
});

test("a protected page sends the visitor to sign-in and back", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  await auth.signOut();

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await auth.signIn(user.email, user.password, "");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "내 계정" })).toBeVisible();
  await expect(page.getByText(user.email, { exact: true })).toBeVisible();
});

test("a sign-in callback to another site is ignored", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  await auth.signOut();

  await auth.signIn(user.email, user.password, "/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
});

test("signing up twice with one e-mail gets a clear error", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  await auth.signOut();

  await auth.signUp({ ...user, email: user.email.toUpperCase() });
  await expect(page.getByText("이미 가입된 이메일입니다. 로그인해 주세요.")).toBeVisible();
  expect(await auth.hasSessionCookie()).toBe(false);
});

test("the server refuses an invalid e-mail or a short password even without browser validation", async ({ page }) => {
  const auth = new AuthPages(page);
  await page.goto("/sign-up");
  await page.locator("main form").evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await page.getByLabel("이름").fill("검증 우회");
  await page.getByLabel("이메일").fill("not-an-email");
  await page.getByLabel("비밀번호").fill("short");
  await page.getByRole("button", { name: "가입하기" }).click();

  await expect(page.getByText("올바른 이메일 주소를 입력해 주세요.")).toBeVisible();
  await expect(page.getByText("비밀번호는 8자 이상이어야 합니다.")).toBeVisible();
  expect(await auth.hasSessionCookie()).toBe(false);

  // A valid address with a short password: still refused, and no account was made.
  const user = newTestUser();
  await page.getByLabel("이메일").fill(user.email);
  await page.getByLabel("비밀번호").fill("1234567");
  await page.getByRole("button", { name: "가입하기" }).click();
  await expect(page.getByText("비밀번호는 8자 이상이어야 합니다.")).toBeVisible();
  await auth.signIn(user.email, "1234567");
  await expect(auth.formAlert()).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
});

test("a direct POST to the credentials endpoint with a malformed e-mail creates no session", async ({ page }) => {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "not-an-email", password: "whatever-password" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toContain("error=CredentialsSignin");
  expect(await new AuthPages(page).hasSessionCookie()).toBe(false);
});

test("repeated wrong passwords from one browser throttle that e-mail from there", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newTestUser();
  await auth.signUp(user);
  await auth.signOut();

  for (let attempt = 0; attempt < 5; attempt += 1) {
    await auth.signIn(user.email, `wrong-${attempt}`);
    await expect(auth.formAlert()).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
  }
  await auth.signIn(user.email, user.password);
  await expect(auth.formAlert()).toContainText("로그인 시도가 너무 많습니다.");
  expect(await auth.hasSessionCookie()).toBe(false);
});
