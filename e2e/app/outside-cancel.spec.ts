import { expect as baseExpect, type Page } from "@playwright/test";
import { balanceOf, ledgerOf, paymentStatus } from "../support/db";
import { portone } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { E2E_EMULATOR_URL } from "../support/stack-urls";
import { confirmRefund } from "../support/refund";

/** The operator cancels in PortOne's console; PortOne then tells the app by webhook. */
async function cancelInConsole(page: Page, paymentId: string, amount?: number) {
  const consolePage = await page.context().newPage();
  await consolePage.goto(`${E2E_EMULATOR_URL}/console/payments/${paymentId}`);
  if (amount !== undefined) await consolePage.getByLabel(/취소 금액/).fill(String(amount));
  await consolePage.getByRole("button", { name: "결제 취소" }).click();
  // The console answers with its detail page; closing the tab before then can leave Chromium's
  // shared renderer stuck mid-navigation, and the next page load in this context hangs.
  await expect(consolePage.getByText(/취소했습니다/)).toBeVisible();
  await consolePage.close();
}

test("a full cancel in PortOne's console removes the charge's points", async ({ page, user, charge }) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await cancelInConsole(page, paymentId);

  await expect.poll(() => paymentStatus(paymentId), { timeout: 15_000 }).toBe("REFUNDED");
  expect(await balanceOf(user.email)).toBe(0);
  const entries = await ledgerOf(user.email);
  baseExpect(entries[1]).toMatchObject({ kind: "external_cancel", paid_delta: -10_000, bonus_delta: -300 });
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("payment-outcome")).toHaveText("환불된 결제입니다");
});

test("a partial console cancel takes back points in proportion", async ({ page, user, charge }) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await cancelInConsole(page, paymentId, 5_000);
  await expect.poll(() => paymentStatus(paymentId), { timeout: 15_000 }).toBe("PARTIALLY_REFUNDED");
  baseExpect((await ledgerOf(user.email))[1]).toMatchObject({
    kind: "external_cancel",
    paid_delta: -5_000,
    bonus_delta: -150,
  });
  expect(await balanceOf(user.email)).toBe(5_150);
});

test("after a partial console cancel, the rest is refunded from the payment page", async ({ page, user, charge }) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await cancelInConsole(page, paymentId, 5_000);
  await expect.poll(() => paymentStatus(paymentId), { timeout: 15_000 }).toBe("PARTIALLY_REFUNDED");

  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("refund-row")).toContainText("5,000원결제 취소");
  await expect(page.getByTestId("refund-quote")).toContainText("환불 금액 5,000원");
  await confirmRefund(page, "5,000원");
  await expect(page.getByTestId("refund-row").first()).toContainText("환불 완료");

  expect(await balanceOf(user.email)).toBe(0);
  baseExpect(await paymentStatus(paymentId)).toBe("REFUNDED");
  const atPortOne = await portone.getPayment({ paymentId });
  baseExpect(atPortOne.status).toBe("CANCELLED");
});

test("a console cancel after the points were spent leaves a negative balance that blocks spending", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("5,000 P");
  await page.goto("/shop");
  await page.getByRole("button", { name: "아메리카노 쿠폰 4,500 P 구매" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("남은 포인트 500 P");

  await cancelInConsole(page, paymentId);
  await expect.poll(() => balanceOf(user.email), { timeout: 15_000 }).toBe(-4_500);

  await page.goto("/shop");
  await page.getByRole("button", { name: "이모티콘 팩 2,500 P 구매" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("사용이 제한되었습니다");
  baseExpect((await ledgerOf(user.email)).filter((entry) => entry.kind === "spend")).toHaveLength(1);

  // A new charge brings the balance back above zero, and spending works again.
  await charge.chargeByCard("10,300 P");
  await page.goto("/shop");
  await page.getByRole("button", { name: "이모티콘 팩 2,500 P 구매" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("남은 포인트 3,300 P");
});
