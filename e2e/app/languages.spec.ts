import { expect as baseExpect, type Page } from "@playwright/test";
import { runAdminCommand } from "../support/admin-command";
import { AuthPages, newTestUser } from "../support/auth";
import { axeViolations } from "../support/axe";
import { ENGLISH_CHECKOUT_FRAME } from "../support/charge-page";
import { sql } from "../support/db";
import { expect, test } from "../support/fixtures";

// The account is made in Korean (the fixture's browser); the buyer then signs in from an
// English-speaking browser in New York.
async function englishBrowser(page: Page) {
  const context = await page
    .context()
    .browser()!
    .newContext({ locale: "en-US", timezoneId: "America/New_York", baseURL: test.info().project.use.baseURL });
  return context.newPage();
}

async function signInInEnglish(english: Page, email: string, password: string) {
  await english.goto("/sign-in");
  await english.getByLabel("E-mail").fill(email);
  await english.getByLabel("Password").fill(password);
  await english.getByRole("button", { name: "Sign in" }).click();
  await expect(english.getByRole("navigation", { name: "User menu" })).toBeVisible();
}

async function storedLocale(email: string): Promise<string | null> {
  const [row] = await sql<{ locale: string | null }[]>`SELECT locale FROM users WHERE email = ${email}`;
  return row?.locale ?? null;
}

test("an English-speaking buyer gets English pages, in their zone, and can switch to Korean and back", async ({
  page,
  user,
}) => {
  const english = await englishBrowser(page);
  await english.goto("/sign-in");
  await expect(english.locator("html")).toHaveAttribute("lang", "en");
  await expect(english).toHaveTitle("Sign in · PointCharge");
  await english.getByLabel("E-mail").fill(user.email);
  await english.getByLabel("Password").fill(user.password);
  await english.getByRole("button", { name: "Sign in" }).click();
  await expect(english.getByTestId("header-balance")).toHaveText("0 P");
  await expect(english.getByRole("navigation", { name: "User menu" })).toBeVisible();

  await english.goto("/charge");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("Buy points");
  await expect(english.getByText("Current balance")).toBeVisible();
  await expect(english.getByRole("group", { name: "Packages" })).toBeVisible();
  // Dollars are offered first abroad (international.spec.ts pays in them).
  await expect(english.getByRole("button", { name: /^Pay \$[\d.,]+$/ })).toBeVisible();
  await expect(english.getByTestId("order-summary")).toContainText("Amount");
  baseExpect(await axeViolations(english)).toEqual([]);

  await english.goto("/history");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("History");
  await expect(english.getByText("No charges yet.")).toBeVisible();
  await expect(english.getByRole("link", { name: "Failed or ended (0)" })).toBeVisible();
  baseExpect(await axeViolations(english)).toEqual([]);

  await english.goto("/account");
  await expect(english).toHaveTitle("My account · PointCharge");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("My account");
  // The browser's zone reached the server: the join date is the one in New York.
  const joined = await english.evaluate(() =>
    new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "America/New_York" }).format(new Date()),
  );
  await expect(english.getByText(joined)).toBeVisible();
  baseExpect(await axeViolations(english)).toEqual([]);

  // The switch: a labelled select and a button, in the footer of every page.
  await english.getByLabel("Language").selectOption("ko");
  await english.getByRole("button", { name: "Change" }).click();
  await expect(english.locator("html")).toHaveAttribute("lang", "ko");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("내 계정");
  await expect.poll(() => storedLocale(user.email)).toBe("ko");
  await english.goto("/history");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("충전 내역");

  await english.getByLabel("언어").selectOption("en");
  await english.getByRole("button", { name: "변경" }).click();
  await expect(english.locator("html")).toHaveAttribute("lang", "en");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("History");
  await expect.poll(() => storedLocale(user.email)).toBe("en");
  await english.context().close();
});

test("an English-speaking buyer pays by card and reads the result in English", async ({ page, user }) => {
  const english = await englishBrowser(page);
  await english.goto("/sign-in");
  await english.getByLabel("E-mail").fill(user.email);
  await english.getByLabel("Password").fill(user.password);
  await english.getByRole("button", { name: "Sign in" }).click();
  await expect(english.getByTestId("header-balance")).toHaveText("0 P");

  await english.goto("/charge");
  // A buyer abroad may still pay in won with a Korean card.
  for (const radio of [
    english.getByRole("radio", { name: "Korean won (KRW)", exact: true }),
    english.getByRole("radio", { name: /^10,300 P/ }),
    english.getByRole("radio", { name: "Credit or debit card (Korea)", exact: true }),
  ]) {
    await english.locator("label").filter({ has: radio }).click();
    await expect(radio).toBeChecked();
  }
  await expect(english.getByRole("heading", { name: "Before you pay" })).toBeVisible();
  for (const box of await english
    .locator("main form")
    .getByRole("checkbox", { name: /^\[Required\]/ })
    .all())
    await box.check();
  await english.getByRole("button", { name: "Pay ₩10,000" }).click();
  // PortOne's window speaks the buyer's language too (locale EN_US).
  const checkout = english.frameLocator(ENGLISH_CHECKOUT_FRAME);
  await checkout.getByLabel("Card issuer").selectOption({ label: "Hyundai Card" });
  await checkout.getByRole("button", { name: "Approve payment" }).click();

  await english.waitForURL(/\/charge\/result\?/);
  await expect(english).toHaveTitle("Payment result · PointCharge");
  await expect(english.getByTestId("payment-outcome")).toHaveText("Your points have been charged");
  await expect(english.getByTestId("credited-points")).toHaveText("10,300 P");
  await expect(english.getByText("have been added to your balance.")).toBeVisible();
  await expect(english.getByTestId("outcome-points")).toHaveText("10,000 P + 300 P bonus");
  await expect(english.getByText("₩10,000")).toBeVisible();
  await expect(english.getByRole("link", { name: "View receipt (opens in a new window)" })).toBeVisible();
  // The card company PortOne reported, by its English name.
  await expect(english.getByText("Hyundai Card · Lump sum")).toBeVisible();
  await expect(english.getByRole("link", { name: "Buy more points" })).toBeVisible();
  baseExpect(await axeViolations(english)).toEqual([]);
  await english.context().close();
});

test("the shop speaks English, its answers included", async ({ page, user, charge }) => {
  await charge.chargeByCard("10,300 P");
  const english = await englishBrowser(page);
  await signInInEnglish(english, user.email, user.password);
  await english.goto("/shop");
  await expect(english).toHaveTitle("Points shop · PointCharge");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("Points shop");
  await expect(english.getByText("bonus points are spent first.")).toBeVisible();
  await expect(english.getByText("24 emoticons to use in chats")).toBeVisible();
  await english.getByRole("button", { name: "Emoticon pack Buy for 2,500 P" }).click();
  await expect(english.getByRole("status")).toHaveText("You bought Emoticon pack. Points left: 7,800 P");
  baseExpect(await axeViolations(english)).toEqual([]);
  // The history names the purchase as the buyer read it.
  await english.goto("/history");
  await expect(english.getByText("Emoticon pack")).toBeVisible();
  await english.context().close();
});

test("payment methods and automatic charging speak English, and the English agreement is what is recorded", async ({
  page,
  user,
}) => {
  const english = await englishBrowser(page);
  await signInInEnglish(english, user.email, user.password);
  await english.goto("/account/payment-methods");
  await expect(english).toHaveTitle("Payment methods · automatic charging · PointCharge");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("Payment methods · automatic charging");
  await expect(english.getByText("No payment method is registered.")).toBeVisible();
  baseExpect(await axeViolations(english)).toEqual([]);

  await english.getByRole("button", { name: "Register Card" }).click();
  // PortOne's window is asked for in the buyer's language (locale EN_US).
  await english.frameLocator(ENGLISH_CHECKOUT_FRAME).getByRole("button", { name: "Issue billing key" }).click();
  await expect(english.getByRole("status")).toHaveText("Card is registered.");
  const methods = english.getByRole("list", { name: "Registered payment methods" });
  await expect(methods.getByRole("listitem")).toHaveCount(1);
  await expect(methods).toContainText(/Registered \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} E[SD]T/);

  const form = english.getByRole("form", { name: "Charge automatically when the balance runs low" });
  await form.getByLabel("Balance level (P)").fill("2000");
  await form.getByLabel("Package").selectOption({ label: "₩5,000 (5,000 P)" });
  await form.getByLabel("Most charges a month").selectOption("2 times");
  const agreement = form.getByTestId("auto-charge-agreement");
  await expect(agreement).toContainText(
    "When your balance falls below 2,000 P after you spend points, ₩5,000 is charged",
  );
  await expect(agreement).toContainText("At most 2 charges, up to ₩10,000");
  baseExpect(await axeViolations(english)).toEqual([]);
  const shown = await agreement.innerText();
  await form.getByLabel("I have read the above and agree to automatic payments. (Required)").check();
  await form.getByRole("button", { name: "Start automatic charging" }).click();
  const rule = english.getByTestId("auto-charge-rule");
  await expect(rule).toContainText("Active");
  await expect(rule).toContainText("When the balance falls below 2,000 P");
  await expect(rule).toContainText("2 times");
  baseExpect(await axeViolations(english)).toEqual([]);

  // The server rebuilt the words the form showed, in the form's language.
  const [stored] = await sql<{ consent_text: string }[]>`
    select r.consent_text from auto_charge_rules r join users u on u.id = r.user_id where u.email = ${user.email}`;
  baseExpect(stored?.consent_text).toBe(shown.trim());
  await english.context().close();
});

test("sign-up speaks English to an English-speaking visitor, its refusals included", async ({ page, user }) => {
  const english = await englishBrowser(page);
  await english.goto("/sign-up");
  await expect(english).toHaveTitle("Sign up · PointCharge");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("Sign up");
  await expect(english.getByRole("checkbox", { name: "[Required] I agree to the terms of service" })).toBeVisible();
  baseExpect(await axeViolations(english)).toEqual([]);
  // The account exists already: the server's answer is in English too.
  const form = english.locator("main form");
  await form.getByLabel("Name", { exact: true }).fill("Someone");
  await form.getByLabel("E-mail", { exact: true }).fill(user.email);
  await form.getByLabel("Password", { exact: true }).fill(user.password);
  for (const box of await form.getByRole("checkbox", { name: /^\[Required\]/ }).all()) await box.check();
  await form.getByRole("button", { name: "Sign up" }).click();
  await expect(english.getByText("This e-mail is already registered. Please sign in.")).toBeVisible();
  // A name of spaces passes the browser's check; the server's field check answers in English too.
  await form.getByLabel("Name", { exact: true }).fill("   ");
  await form.getByLabel("E-mail", { exact: true }).fill(`someone-else-${Date.now()}@example.com`);
  await form.getByLabel("Password", { exact: true }).fill(user.password);
  for (const box of await form.getByRole("checkbox", { name: /^\[Required\]/ }).all()) await box.check();
  await form.getByRole("button", { name: "Sign up" }).click();
  await expect(english.getByText("Please enter your name.")).toBeVisible();
  await english.context().close();
});

test("English readers get the legal texts in Korean, told the Korean text binds, and an English manifest", async ({
  page,
}) => {
  const english = await englishBrowser(page);
  await english.goto("/terms");
  await expect(english.locator("html")).toHaveAttribute("lang", "en");
  await expect(english.getByTestId("legal-version")).toContainText(/^Version \S+/);
  await expect(english.getByTestId("legal-language-note")).toHaveText(
    "This document is written in Korean, and the Korean text is the binding one.",
  );
  await expect(english.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "ko");
  baseExpect(await axeViolations(english)).toEqual([]);
  const manifest = await (
    await english.request.get("/manifest.webmanifest", { headers: { "Accept-Language": "en-US" } })
  ).json();
  baseExpect(manifest).toMatchObject({
    name: "PointCharge · Buy points",
    description: "Buy points by card, easy pay, bank transfer or virtual account.",
    lang: "en",
  });
  await english.context().close();

  // In Korean the page says nothing more than the document.
  await page.goto("/terms");
  await expect(page.getByTestId("legal-version")).toContainText(/^버전 \S+/);
  await expect(page.getByTestId("legal-language-note")).toHaveCount(0);
});

test("a Korean browser keeps Korean, and a cookie-less first visit follows Accept-Language", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("link", { name: "로그인" }).first()).toBeVisible();
  const english = await englishBrowser(page);
  await english.goto("/");
  await expect(english.locator("html")).toHaveAttribute("lang", "en");
  await expect(english.getByRole("link", { name: "Sign up free" })).toBeVisible();
  await english.context().close();
});

test("an English-speaking admin searches payments, reads a timeline and adjusts points in English, in their zone", async ({
  browser,
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("1,000 P");
  // The admin signs up (in Korean, as every account here), is granted by the command, and works
  // from an English-speaking browser in New York.
  const signUpPage = await browser.newPage();
  const admin = newTestUser();
  await new AuthPages(signUpPage).signUp(admin);
  baseExpect((await runAdminCommand("grant", admin.email)).code).toBe(0);
  await signUpPage.close();
  const english = await englishBrowser(page);
  await signInInEnglish(english, admin.email, admin.password);

  await english.goto("/admin");
  await expect(english).toHaveTitle("Admin · Payment search · PointCharge");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("Admin · Payment search");
  await english.getByLabel("Payment ID or e-mail").fill(user.email);
  await english.getByLabel("Status").selectOption({ label: "Charged" });
  await english.getByRole("button", { name: "Search" }).click();
  const row = english.getByTestId("admin-payment-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Charged");
  await expect(row).toContainText("₩1,000");
  // New York's time, the zone named (EST or EDT).
  await expect(row.locator("time")).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} E[SD]T$/);
  baseExpect(await axeViolations(english)).toEqual([]);

  await english.getByRole("link", { name: paymentId }).click();
  await expect(english).toHaveTitle("Admin · Payment timeline · PointCharge");
  await expect(english.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const timeline = english.getByTestId("timeline-event");
  await expect(timeline.filter({ hasText: "Payment request created (Pending)" })).toHaveCount(1);
  await expect(timeline.filter({ hasText: "Payment completed" })).toHaveCount(1);
  await expect(timeline.filter({ hasText: "Current status: Charged" })).toHaveCount(1);
  await expect(timeline.filter({ hasText: "Ledger charge +1,000 P" })).toContainText(
    "Paid +1,000 P / bonus 0 P → balance 1,000 P",
  );
  await expect(timeline.filter({ hasText: "Ledger charge" }).getByText("Ledger", { exact: true })).toBeVisible();
  await expect(timeline.first().locator("time")).toHaveText(/, \d{2}:\d{2}:\d{2} E[SD]T$/);
  baseExpect(await axeViolations(english)).toEqual([]);

  await english.getByRole("link", { name: user.email }).click();
  await expect(english).toHaveTitle("Admin · User · PointCharge");
  await expect(english.getByTestId("admin-user-balance")).toHaveText("Paid 1,000 P · bonus 0 P");
  await english.getByLabel("Points to change").fill("-300");
  await english.getByLabel("Reason").fill("Goodwill");
  await english.getByRole("button", { name: "Adjust" }).click();
  // The server's refusal and its answer, in English too.
  await expect(english.getByText("Bonus points cannot go below zero. (Current bonus: 0 P)")).toBeVisible();
  await english.getByLabel("Points to change").fill("500");
  await english.getByRole("button", { name: "Adjust" }).click();
  await expect(english.getByRole("status")).toHaveText("Adjusted. Bonus points: 500 P");
  await expect(english.getByTestId("adjustment-row")).toContainText("Goodwill");
  baseExpect(await axeViolations(english)).toEqual([]);

  await english.goto("/admin/mail");
  await expect(english.getByRole("heading", { level: 1 })).toHaveText("Admin · Mail outbox");
  baseExpect(await axeViolations(english)).toEqual([]);
  await english.context().close();
});
