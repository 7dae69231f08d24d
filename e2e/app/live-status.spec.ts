import { request as playwrightRequest, type Page } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";
import { balanceOf, paymentStatus } from "../support/db";
import { PHONE, SHOTS_DIR } from "../support/screens";
import { expect, test } from "../support/fixtures";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "../support/stack-urls";

// Long enough for the page's backed-off poll to come round after the deposit; not a timing claim.
const UNTIL_THE_PAGE_LOOKS_AGAIN = { timeout: 40_000 };

async function depositAtPortOne(page: Page, paymentId: string) {
  const consolePage = await page.context().newPage();
  await consolePage.goto(`${E2E_EMULATOR_URL}/console/payments/${paymentId}`);
  await consolePage.getByRole("button", { name: "테스트 입금 통지" }).click();
  await expect(consolePage.getByText(/테스트 입금을 통지했습니다/)).toBeVisible();
  await consolePage.close();
}

async function expectCreditedWithoutReload(page: Page) {
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다", UNTIL_THE_PAGE_LOOKS_AGAIN);
  await expect(page.getByTestId("header-balance")).toHaveText("10,300 P");
  await expect(page.getByRole("region", { name: "입금할 계좌" })).toHaveCount(0);
}

test("desktop: the result tab and the payment tab show the deposit by themselves", async ({ page, user, charge }) => {
  const paymentId = await charge.issueVirtualAccount("10,300 P");
  const paymentTab = await page.context().newPage();
  await paymentTab.goto(`/payments/${paymentId}`);
  await expect(paymentTab.getByTestId("payment-outcome")).toHaveText("가상계좌가 발급되었습니다");
  await page.bringToFront();

  await depositAtPortOne(page, paymentId);
  await expect.poll(() => paymentStatus(paymentId)).toBe("PAID");

  // Neither tab is reloaded: each notices the deposit and re-renders, header balance included.
  await expectCreditedWithoutReload(page);
  await page.screenshot({ path: `${SHOTS_DIR}/live-desktop-result.png`, fullPage: true });
  await paymentTab.bringToFront();
  await expectCreditedWithoutReload(paymentTab);
  expect(await balanceOf(user.email)).toBe(10_300);
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("the result page shows the deposit by itself", async ({ page, user, charge }) => {
    await charge.open();
    await charge.choose("10,300 P", "가상계좌");
    await charge.pay();
    await page.getByRole("button", { name: "가상계좌 발급" }).click();
    const paymentId = await charge.resultPaymentId();
    await expect(page.getByTestId("payment-outcome")).toHaveText("가상계좌가 발급되었습니다");
    await page.screenshot({ path: `${SHOTS_DIR}/live-phone-issued.png`, fullPage: true });

    await depositAtPortOne(page, paymentId);
    await expectCreditedWithoutReload(page);
    await page.screenshot({ path: `${SHOTS_DIR}/live-phone-credited.png`, fullPage: true });
    expect(await balanceOf(user.email)).toBe(10_300);
  });
});

test("the status the pages poll is the owner's only", async ({ page, browser, user, charge }) => {
  const paymentId = await charge.issueVirtualAccount("1,000 P");
  const own = await page.request.get(`/api/payments/${paymentId}/status`);
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ status: "VIRTUAL_ACCOUNT_ISSUED" });

  const anonymous = await playwrightRequest.newContext({ baseURL: E2E_APP_URL });
  expect((await anonymous.get(`/api/payments/${paymentId}/status`)).status()).toBe(401);
  await anonymous.dispose();

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await new AuthPages(otherPage).signUp(newTestUser());
  await expect(otherPage.getByTestId("header-balance")).toHaveText("0 P");
  const other = await otherPage.request.get(`/api/payments/${paymentId}/status`);
  expect(other.status()).toBe(404);
  expect(await other.json()).toMatchObject({ error: "payment_not_found" });
  await otherContext.close();
  expect(await balanceOf(user.email)).toBe(0);
});
