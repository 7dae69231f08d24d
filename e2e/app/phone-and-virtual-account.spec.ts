import { expect as baseExpect } from "@playwright/test";
import { balanceOf, ledgerOf, paymentStatus } from "../support/db";
import { portone } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "../support/stack-urls";

test.describe("on a phone", () => {
  test.use({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
  });

  test("PortOne redirects back to the result page, which shows the points", async ({ page, user, charge }) => {
    await charge.open();
    await charge.choose("10,300 P", "네이버페이");
    await charge.pay();
    // The whole page goes to PortOne's window, then comes back to our redirectUrl.
    await page.getByRole("button", { name: "결제 승인" }).click();
    const paymentId = await charge.resultPaymentId();
    baseExpect(new URL(page.url()).searchParams.get("transactionType")).toBe("PAYMENT");

    await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
    await expect(page.getByTestId("credited-points")).toHaveText("10,300 P");
    await expect(charge.headerBalance()).toHaveText("10,300 P");
    expect(await ledgerOf(user.email)).toEqual([
      { kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 },
    ]);
  });

  test("the result page arrives with the header already showing the credited balance", async ({
    page,
    user,
    charge,
  }) => {
    await charge.open();
    await charge.choose("10,300 P", "신용·체크카드");
    await charge.pay();
    // The app's scripts are held back from here on: what the result page shows is what it
    // arrived with, not what a later refresh made of it (a slow phone shows that for a while).
    await page.route(`${E2E_APP_URL}/_next/static/**`, (route) => route.abort());
    await page.getByRole("button", { name: "결제 승인" }).click();
    await charge.resultPaymentId();

    await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
    await expect(page.getByRole("link", { name: "보유 포인트 10,300 P" })).toBeVisible();
    expect(await balanceOf(user.email)).toBe(10_300);
  });

  test("a cancel in PortOne's page comes back with the reason and no points", async ({ page, user, charge }) => {
    await charge.open();
    await charge.choose("1,000 P", "신용·체크카드");
    await charge.pay();
    await page.getByRole("button", { name: "창 닫기" }).click();
    const paymentId = await charge.resultPaymentId();
    await expect(page.getByTestId("payment-outcome")).toHaveText("결제가 완료되지 않았습니다");
    await expect(page.getByRole("status")).toContainText("포인트는 적립되지 않았습니다.");
    await expect.poll(() => paymentStatus(paymentId)).toBe("FAILED");
    expect(await balanceOf(user.email)).toBe(0);
  });
});

test("virtual account: issued account shown, console deposit credits the points by webhook", async ({
  page,
  context,
  user,
  charge,
}) => {
  const paymentId = await charge.issueVirtualAccount("10,300 P");
  const accountNumber = (await page.getByTestId("va-account-number").textContent()) ?? "";
  expect(accountNumber).toMatch(/\d/);
  await expect(page.getByText("10,000원").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "계좌번호 복사" })).toBeVisible();
  await expect(page.getByRole("region", { name: "입금할 계좌" })).toContainText("KB국민은행");
  await expect(page.getByText("가상계좌 · KB국민은행")).toBeVisible();
  expect(await paymentStatus(paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");

  await page.goto("/history");
  await expect(page.getByTestId("payment-row").first()).toContainText("입금 대기");
  expect(await balanceOf(user.email)).toBe(0);

  // The deposit happens at PortOne: the tester presses the console's test-deposit button.
  const consolePage = await context.newPage();
  await consolePage.goto(`${E2E_EMULATOR_URL}/console/payments/${paymentId}`);
  await consolePage.getByRole("button", { name: "테스트 입금 통지" }).click();
  await expect(consolePage.getByText(/테스트 입금을 통지했습니다/)).toBeVisible();

  await expect.poll(() => paymentStatus(paymentId), { timeout: 15_000 }).toBe("PAID");
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
  await expect(charge.headerBalance()).toHaveText("10,300 P");
  expect(await ledgerOf(user.email)).toEqual([
    { kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 },
  ]);
});

test("virtual account past its due date shows as expired", async ({ page, user, charge }) => {
  const paymentId = await charge.issueVirtualAccount("1,000 P");

  const expired = await fetch(`${E2E_EMULATOR_URL}/__emulator/payments/${paymentId}/expire-virtual-account`, {
    method: "POST",
  });
  baseExpect(expired.ok).toBe(true);
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("payment-outcome")).toHaveText("종료된 결제입니다");
  await expect(page.getByTestId("expired-explanation")).toContainText("입금 기한이 지났거나");
  expect(await paymentStatus(paymentId)).toBe("EXPIRED");
  expect(await balanceOf(user.email)).toBe(0);
});

test("the user closes an issued virtual account to pay another way: PortOne closes it, nothing is credited", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.issueVirtualAccount("5,000 P");

  await page.goto(`/payments/${paymentId}`);
  await page.getByRole("button", { name: "입금 취소" }).click();
  // A second look before anything happens: leaving it as it is keeps the account open.
  await page.getByRole("button", { name: "그대로 두기" }).click();
  baseExpect((await portone.getPayment({ paymentId })).status).toBe("VIRTUAL_ACCOUNT_ISSUED");
  await page.getByRole("button", { name: "입금 취소" }).click();
  await page.getByRole("button", { name: "계좌 닫기" }).click();

  await expect(page.getByTestId("payment-outcome")).toHaveText("종료된 결제입니다");
  await expect(page.getByTestId("expired-explanation")).toContainText("계좌를 닫아 이 계좌로는 입금할 수 없습니다");
  await expect(page.getByRole("button", { name: "입금 취소" })).toHaveCount(0);
  baseExpect((await portone.getPayment({ paymentId })).status).toBe("CANCELLED");
  expect(await paymentStatus(paymentId)).toBe("EXPIRED");
  expect(await ledgerOf(user.email)).toEqual([]);
  // PortOne takes no deposit into a closed account.
  const deposit = await fetch(`${E2E_EMULATOR_URL}/__emulator/payments/${paymentId}/deposit`, { method: "POST" });
  baseExpect(deposit.status).toBe(409);
  expect(await balanceOf(user.email)).toBe(0);
});
