import { expect as baseExpect } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";
import { runAdminCommand } from "../support/admin-command";
import { capturedMailTo } from "../support/captured-mail";
import { E2E_APP_URL } from "../support/stack-urls";
import { expect, test } from "../support/fixtures";

test("a card charge sends the buyer one Korean receipt, listed as sent in the admin's outbox", async ({
  browser,
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("10,300 P");

  // Sent after the response, by the app on its own: the file appears shortly.
  await baseExpect.poll(async () => (await capturedMailTo(user.email)).length, { timeout: 15_000 }).toBe(1);
  const [receipt] = await capturedMailTo(user.email);
  baseExpect(receipt!.subject).toBe("[PointCharge] 포인트 충전 영수증 (10,300 P)");
  for (const line of [
    "상품: 포인트 10,300P 충전",
    "결제 금액: 10,000원",
    "충전 포인트: 10,300 P (충전 10,000 P + 보너스 300 P)",
    `결제 번호: ${paymentId}`,
    `결제 내역 보기: ${E2E_APP_URL}/payments/${paymentId}`,
  ])
    baseExpect(receipt!.text).toContain(line);

  // The link in the receipt opens the payment.
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");

  // Seeing the payment again syncs it again; no second receipt.
  await page.reload();
  await page.waitForTimeout(1_000);
  baseExpect(await capturedMailTo(user.email)).toHaveLength(1);

  const adminPage = await browser.newPage();
  const admin = newTestUser();
  await new AuthPages(adminPage).signUp(admin);
  baseExpect((await runAdminCommand("grant", admin.email)).code).toBe(0);
  await adminPage.goto("/admin");
  await adminPage.getByRole("link", { name: "메일 발송함" }).click();
  const row = adminPage.getByTestId("admin-mail-row").filter({ hasText: user.email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("발송 완료");
  await expect(row).toContainText("포인트 충전 영수증");
  await expect(row).toContainText("시도 1회");
  await adminPage.close();
});
