import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

export function newTestUser(): TestUser {
  return { name: "테스트 사용자", email: `user-${randomUUID()}@example.com`, password: "correct-horse-battery" };
}

/** Ticks every [필수] box of the page's form (sign-up's terms and privacy, the charge page's payment terms). */
export async function agreeToRequired(page: Page) {
  for (const box of await page
    .locator("main form")
    .getByRole("checkbox", { name: /^\[필수\]/ })
    .all())
    await box.check();
}

/** The sign-in and sign-up pages, found by role and label as a person would. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(user: TestUser, path = "/sign-up") {
    await this.page.goto(path);
    await this.page.getByLabel("이름").fill(user.name);
    await this.page.getByLabel("이메일").fill(user.email);
    await this.page.getByLabel("비밀번호").fill(user.password);
    await agreeToRequired(this.page);
    await this.submit("가입하기");
  }

  async signIn(email: string, password: string, path = "/sign-in") {
    if (path) await this.page.goto(path);
    await this.page.getByLabel("이메일").fill(email);
    await this.page.getByLabel("비밀번호").fill(password);
    await this.submit("로그인");
  }

  /** Clicks the form's button and waits for the server action's answer, so repeated
   *  attempts with the same outcome are each observed. */
  private async submit(label: string) {
    const answered = this.page.waitForResponse((response) => response.request().method() === "POST");
    await this.page.getByRole("button", { name: label }).click();
    await answered;
  }

  /** The form's own message (Next's route announcer is an alert too, so scope to the form). */
  formAlert() {
    return this.page.locator("main form").getByRole("alert");
  }

  async signOut() {
    await this.page.getByRole("button", { name: "로그아웃" }).click();
    await expect(
      this.page.getByRole("navigation", { name: "계정" }).getByRole("link", { name: "로그인" }),
    ).toBeVisible();
  }

  headerBalance() {
    return this.page.getByTestId("header-balance");
  }

  async hasSessionCookie(): Promise<boolean> {
    const cookies = await this.page.context().cookies();
    return cookies.some((cookie) => cookie.name.includes("authjs.session-token"));
  }
}
