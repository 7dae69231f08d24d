import { balanceOf, paymentsOf, paymentStatus } from "../support/db";
import { PHONE, SHOTS_DIR } from "../support/screens";
import { expect, test } from "../support/fixtures";
import { E2E_EMULATOR_URL } from "../support/stack-urls";

test("desktop: paying while PortOne is unreachable says so, and the attempt does not linger as pending", async ({
  page,
  user,
  charge,
}) => {
  await charge.open();
  await charge.choose("5,000 P", "신용·체크카드");
  // PortOne's servers refuse the connection when the window is asked for.
  await page.route(`${E2E_EMULATOR_URL}/checkout-api/**`, (route) => route.abort("connectionrefused"));
  await charge.pay();
  await expect(charge.errorAlert()).toBeVisible();
  await expect(charge.payButton()).toBeEnabled();
  const [attempt] = await paymentsOf(user.email);
  await expect.poll(() => paymentStatus(attempt!.id)).toBe("EXPIRED");

  await page.goto(`/payments/${attempt!.id}`);
  await expect(page.getByTestId("payment-outcome")).toHaveText("결제가 완료되지 않았습니다");
  await expect(page.getByTestId("expired-explanation")).toContainText("포인트는 적립되지 않았습니다");
  await page.screenshot({ path: `${SHOTS_DIR}/unfinished-desktop.png`, fullPage: true });
  await page.getByRole("link", { name: "다시 결제하기" }).click();
  await expect(page.getByRole("radio", { name: /^5,000 P/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: "신용·체크카드", exact: true })).toBeChecked();
  expect(await balanceOf(user.email)).toBe(0);
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("backing out of PortOne's page ends the attempt; a payment PortOne completes later is still credited", async ({
    page,
    browser,
    user,
    charge,
  }) => {
    await charge.open();
    await charge.choose("10,300 P", "카카오페이");
    await charge.pay();
    await expect(page.getByRole("button", { name: "결제 승인" })).toBeVisible();
    const checkoutUrl = page.url();
    await page.goBack();
    await expect(page.getByRole("heading", { name: "포인트 충전" })).toBeVisible();
    // Back on the charge page, the attempt is over at once: said so, and the buyer can pay again.
    await expect(charge.errorAlert()).toContainText("직전 결제가 완료되지 않았습니다");
    await expect(charge.payButton()).toBeEnabled();
    await page.screenshot({ path: `${SHOTS_DIR}/backed-out-phone.png`, fullPage: true });
    const [attempt] = await paymentsOf(user.email);
    await expect.poll(() => paymentStatus(attempt!.id)).toBe("EXPIRED");

    await page.goto(`/payments/${attempt!.id}`);
    await expect(page.getByTestId("payment-outcome")).toHaveText("결제가 완료되지 않았습니다");
    await expect(page.getByRole("link", { name: "다시 결제하기" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS_DIR}/unfinished-phone.png`, fullPage: true });

    // The buyer's payment went through at PortOne after all (the PG page, reopened elsewhere):
    // its webhook credits the expired attempt.
    const elsewhere = await browser.newContext();
    const pgPage = await elsewhere.newPage();
    await pgPage.goto(checkoutUrl);
    await pgPage.getByRole("button", { name: "결제 승인" }).click();
    await expect.poll(() => paymentStatus(attempt!.id), { timeout: 15_000 }).toBe("PAID");
    await elsewhere.close();
    expect(await balanceOf(user.email)).toBe(10_300);

    await page.reload();
    await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
    await expect(charge.headerBalance()).toHaveText("10,300 P");
  });

  test("a cancel in PortOne's page offers to pay again with the same package", async ({ page, user, charge }) => {
    await charge.open();
    await charge.choose("1,000 P", "네이버페이");
    await charge.pay();
    await page.getByRole("button", { name: "창 닫기" }).click();
    await charge.resultPaymentId();
    await expect(page.getByTestId("payment-outcome")).toHaveText("결제가 완료되지 않았습니다");
    await page.getByRole("link", { name: "다시 결제하기" }).click();
    await expect(page.getByRole("radio", { name: /^1,000 P/ })).toBeChecked();
    await expect(page.getByRole("radio", { name: "네이버페이", exact: true })).toBeChecked();
    expect(await balanceOf(user.email)).toBe(0);
  });
});
