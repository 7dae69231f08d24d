import { expect as baseExpect, type Browser, type Page } from "@playwright/test";
import { axeViolations } from "../support/axe";
import { ENGLISH_CHECKOUT_FRAME } from "../support/charge-page";
import { ledgerOf, paymentStatus, sql, userIdOf } from "../support/db";
import { portone } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { spendAsService } from "../support/service-api";
import { E2E_EMULATOR_URL } from "../support/stack-urls";

// A buyer abroad: an English browser in New York, paying in dollars through the global card
// channel or PayPal. The account is made by the fixture (in Korean); the buyer signs in here.

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
};

async function signedInAbroad(
  browser: Browser,
  user: { email: string; password: string },
  device: Partial<typeof PHONE> = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: "en-US",
    timezoneId: "America/New_York",
    baseURL: test.info().project.use.baseURL,
    ...device,
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("header-balance")).toHaveText("0 P");
  return page;
}

async function choose(page: Page, name: string | RegExp) {
  const radio = page.getByRole("radio", typeof name === "string" ? { name, exact: true } : { name });
  await page.locator("label").filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

/** Chooses a package and a dollar option, agrees to the terms and presses Pay (saying `price`). */
async function payInDollars(page: Page, points: string, option: string, price: string) {
  await page.goto("/charge");
  await choose(page, new RegExp(`^${points}`));
  await choose(page, option);
  for (const box of await page
    .locator("main form")
    .getByRole("checkbox", { name: /^\[Required\]/ })
    .all())
    await box.check();
  await page.getByRole("button", { name: `Pay ${price}` }).click();
}

async function paymentRow(paymentId: string) {
  const [row] = await sql<{ amount: number; currency: string; order_name: string }[]>`
    SELECT amount, currency, order_name FROM payments WHERE id = ${paymentId}`;
  return row;
}

test("an English buyer is offered dollars: prices, options and the summary in USD, with no axe violations", async ({
  browser,
  user,
}) => {
  const page = await signedInAbroad(browser, user);
  await page.goto("/charge");
  const currency = page.getByRole("group", { name: "Currency" });
  await expect(currency.getByRole("radio", { name: "US dollar (USD)" })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^10,300 P/ })).toHaveAccessibleName(/\$7\.99/);
  // The smallest package is below the global PGs' minimum: not sold in dollars.
  await expect(page.getByRole("radio", { name: /^1,000 P/ })).toHaveCount(0);
  const options = page.getByRole("group", { name: "Payment method" });
  await expect(options.getByRole("radio")).toHaveCount(2);
  await expect(options.getByRole("radio", { name: "International card" })).toBeVisible();
  await expect(options.getByRole("radio", { name: "PayPal" })).toBeVisible();
  await choose(page, /^10,300 P/);
  await expect(page.getByTestId("order-summary")).toContainText("$7.99");
  await expect(page.getByRole("button", { name: "Pay $7.99" })).toBeVisible();
  baseExpect(await axeViolations(page)).toEqual([]);

  // Won is one choice away, with the domestic options and won prices.
  await choose(page, "Korean won (KRW)");
  await expect(page.getByRole("button", { name: "Pay ₩10,000" })).toBeVisible();
  await expect(options.getByRole("radio", { name: "Credit or debit card (Korea)" })).toBeChecked();
  await expect(options.getByRole("radio", { name: "PayPal" })).toHaveCount(0);
  await page.context().close();
});

test("an English buyer pays $7.99 by international card on a PC, and refunds the unspent part in exact cents", async ({
  browser,
  user,
}) => {
  const page = await signedInAbroad(browser, user);
  await payInDollars(page, "10,300 P", "International card", "$7.99");
  await page.frameLocator(ENGLISH_CHECKOUT_FRAME).getByRole("button", { name: "Approve payment" }).click();

  await page.waitForURL(/\/charge\/result\?/);
  const paymentId = new URL(page.url()).searchParams.get("paymentId")!;
  await expect(page.getByTestId("payment-outcome")).toHaveText("Your points have been charged");
  await expect(page.getByTestId("credited-points")).toHaveText("10,300 P");
  await expect(page.getByText("$7.99", { exact: true })).toBeVisible();
  baseExpect(await paymentRow(paymentId)).toEqual({ amount: 799, currency: "USD", order_name: "10,300 points" });
  baseExpect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PAID",
    currency: "USD",
    amount: { total: 799 },
    channel: { pgProvider: "EXIMBAY_V2" },
  });
  baseExpect(await axeViolations(page)).toEqual([]);

  // A service spends 4,300 P (the bonus first): 6,000 of the 10,000 paid points are left.
  const spent = await spendAsService({ userId: await userIdOf(user.email), amount: 4_300, description: "item" });
  baseExpect(spent.status).toBe(200);

  await page.goto(`/payments/${paymentId}`);
  // 6,000 / 10,000 of $7.99 is 479.4 cents: $4.79.
  await expect(page.getByTestId("refund-quote")).toHaveText("Refund $4.79 · Points taken back 6,000 P");
  await page.getByRole("button", { name: "Refund $4.79" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund $4.79?" });
  await dialog.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByTestId("refund-row")).toContainText("$4.79Refunded");

  baseExpect(await paymentStatus(paymentId)).toBe("PARTIALLY_REFUNDED");
  baseExpect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PARTIAL_CANCELLED",
    currency: "USD",
    amount: { total: 799, cancelled: 479 },
  });
  const [refund] = await sql<{ amount: number; currency: string }[]>`
    SELECT amount, currency FROM refunds WHERE payment_id = ${paymentId}`;
  baseExpect(refund).toEqual({ amount: 479, currency: "USD" });
  await page.context().close();
});

test("on a phone, the international card goes through PortOne's page and comes back credited", async ({
  browser,
  user,
}) => {
  const page = await signedInAbroad(browser, user, PHONE);
  await payInDollars(page, "31,500 P", "International card", "$22.99");
  // The whole page goes to PortOne's window (in English), then back to our redirectUrl.
  await page.getByRole("button", { name: "Approve payment" }).click();
  await page.waitForURL(/\/charge\/result\?/);
  const paymentId = new URL(page.url()).searchParams.get("paymentId")!;
  await expect(page.getByTestId("payment-outcome")).toHaveText("Your points have been charged");
  await expect(page.getByTestId("header-balance")).toHaveText("31,500 P");
  await page.screenshot({ path: "test-results/international-card-phone-result.png", fullPage: true });
  baseExpect(await paymentRow(paymentId)).toMatchObject({ amount: 2_299, currency: "USD" });
  baseExpect(await ledgerOf(user.email)).toEqual([
    { kind: "charge", reference: paymentId, paid_delta: 30_000, bonus_delta: 1_500 },
  ]);
  await page.context().close();
});

test("PayPal: its button appears on our page, PayPal's window approves, and the points are credited", async ({
  browser,
  user,
}) => {
  const page = await signedInAbroad(browser, user);
  await payInDollars(page, "10,300 P", "PayPal", "$7.99");

  await expect(page.getByRole("heading", { name: "Press the PayPal button to pay" })).toBeVisible();
  const paypalButton = page.locator(".portone-ui-container").getByRole("button", { name: "PayPal" });
  await expect(paypalButton).toBeVisible();
  await page.screenshot({ path: "test-results/international-paypal-button.png", fullPage: true });
  const popupOpened = page.waitForEvent("popup");
  await paypalButton.click();
  const popup = await popupOpened;
  await expect(popup.getByText("$7.99")).toBeVisible();
  await popup.getByRole("button", { name: "Approve payment" }).click();

  await page.waitForURL(/\/charge\/result\?/);
  const paymentId = new URL(page.url()).searchParams.get("paymentId")!;
  await expect(page.getByTestId("payment-outcome")).toHaveText("Your points have been charged");
  await expect(page.getByTestId("header-balance")).toHaveText("10,300 P");
  baseExpect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PAID",
    currency: "USD",
    amount: { total: 799 },
    channel: { pgProvider: "PAYPAL_V2" },
  });
  baseExpect(await paymentStatus(paymentId)).toBe("PAID");
  await page.context().close();
});

test("PayPal declined: the buyer is told, no points, and can pay again", async ({ browser, user }) => {
  const page = await signedInAbroad(browser, user);
  await payInDollars(page, "5,000 P", "PayPal", "$3.99");
  const popupOpened = page.waitForEvent("popup");
  await page.locator(".portone-ui-container").getByRole("button", { name: "PayPal" }).click();
  const popup = await popupOpened;
  await popup.getByRole("button", { name: "Decline payment" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "The payment did not complete." })).toBeVisible();
  await expect(page.locator(".portone-ui-container")).toBeHidden();
  await expect(page.getByRole("button", { name: "Pay $3.99" })).toBeEnabled();
  await expect(page.getByTestId("header-balance")).toHaveText("0 P");
  const [row] = await sql<{ status: string }[]>`
    SELECT status FROM payments WHERE user_id = ${await userIdOf(user.email)} ORDER BY created_at DESC LIMIT 1`;
  baseExpect(row?.status).toBe("FAILED");
  await page.context().close();
});

test("PortOne's script unreachable: the buyer is told in English, and nothing is left open", async ({
  browser,
  user,
}) => {
  const page = await signedInAbroad(browser, user);
  await page.route(`${E2E_EMULATOR_URL}/v2/browser-sdk.js`, (route) => route.abort("connectionrefused"));
  await payInDollars(page, "10,300 P", "International card", "$7.99");
  await expect(page.locator("main form").getByRole("alert")).toHaveText(
    "The payment module could not be loaded. Please try again in a moment.",
  );
  await expect(page.getByRole("button", { name: "Pay $7.99" })).toBeEnabled();
  // The attempt the server opened is over, not left waiting.
  await expect
    .poll(async () => {
      const [row] = await sql<{ status: string }[]>`
        SELECT status FROM payments WHERE user_id = ${await userIdOf(user.email)} ORDER BY created_at DESC LIMIT 1`;
      return row?.status;
    })
    .not.toBe("PENDING");
  await page.context().close();
});
