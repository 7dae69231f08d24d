import { expect as baseExpect, type Page } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";
import { runAdminCommand } from "../support/admin-command";
import { balanceOf, ledgerOf, userIdOf } from "../support/db";
import { expect, test } from "../support/fixtures";
import { axeViolations } from "../support/axe";
import { SCREENS, SHOTS_DIR } from "../support/screens";

/** The admin's page at both sizes, left to look at, and checked by axe at each. */
async function shootBothSizes(page: Page, name: string) {
  for (const screen of SCREENS) {
    const viewport = screen.use.viewport;
    if (viewport) await page.setViewportSize(viewport);
    baseExpect(await axeViolations(page, { bestPractice: true }), `${name} ${screen.name}`).toEqual([]);
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-${screen.name}.png`, fullPage: true });
  }
}

test("admin pages answer 403 to a signed-in user without the admin flag", async ({ page, user }) => {
  const userId = await userIdOf(user.email);
  for (const path of ["/admin", "/admin/mail", `/admin/users/${userId}`, "/admin/payments/anything"]) {
    const response = await page.goto(path);
    baseExpect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "권한이 없습니다" })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "관리자" })).toHaveCount(0);
});

test("the admin finds a payment, reads its timeline and adjusts points only with a reason", async ({
  browser,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("1,000 P");

  // An admin exists only because an operator ran the command for an account that signed up.
  const adminPage = await browser.newPage();
  const admin = newTestUser();
  await new AuthPages(adminPage).signUp(admin);
  baseExpect((await runAdminCommand("grant", admin.email)).code).toBe(0);
  await adminPage.reload();
  await adminPage.getByRole("link", { name: "관리자" }).click();

  await adminPage.getByLabel("결제 ID 또는 이메일").fill(user.email);
  // Statuses read as words, as the buyer sees them, not as codes.
  await adminPage.getByLabel("상태").selectOption({ label: "충전 완료" });
  await adminPage.getByRole("button", { name: "검색" }).click();
  await expect(adminPage.getByTestId("admin-payment-row")).toHaveCount(1);
  await shootBothSizes(adminPage, "admin-search");
  await adminPage.getByRole("link", { name: paymentId }).click();
  const timeline = adminPage.getByTestId("timeline-event");
  await expect(timeline.filter({ hasText: "결제 요청 생성" })).toHaveCount(1);
  await expect(timeline.filter({ hasText: "결제 완료" })).toHaveCount(1);
  await expect(timeline.filter({ hasText: "현재 상태: 충전 완료" })).toHaveCount(1);
  await expect(timeline.filter({ hasText: /PENDING|PAID/ })).toHaveCount(0);
  await expect(timeline.filter({ hasText: "원장 charge +1,000 P" })).toHaveCount(1);
  await shootBothSizes(adminPage, "admin-timeline");
  // Only this payment's entries: other users' refunds and cancellations never show here.
  await expect(timeline.filter({ hasText: /원장 (refund|external_cancel)/ })).toHaveCount(0);

  // Text the database cannot hold finds nothing, and is no server error.
  baseExpect((await adminPage.request.get("/admin?q=%00x")).status()).toBe(200);
  baseExpect((await adminPage.request.get("/admin/payments/pc-%00")).status()).toBe(404);

  await adminPage.getByRole("link", { name: user.email }).click();
  // Without a reason: refused by the server even when the browser's own check is bypassed.
  await adminPage
    .locator("form")
    .filter({ hasText: "보너스 포인트 조정" })
    .evaluate((form) => form.setAttribute("novalidate", ""));
  await adminPage.getByLabel("변경 포인트").fill("500");
  await adminPage.getByRole("button", { name: "조정하기" }).click();
  await expect(adminPage.getByText("사유를 2자 이상 입력해 주세요.")).toBeVisible();
  baseExpect((await ledgerOf(user.email)).map((entry) => entry.kind)).toEqual(["charge"]);

  await adminPage.getByLabel("사유").fill("이벤트 보상");
  await adminPage.getByRole("button", { name: "조정하기" }).click();
  await expect(adminPage.getByRole("status")).toHaveText("조정했습니다. 보너스 포인트 500 P");
  await expect(adminPage.getByTestId("adjustment-row")).toContainText("이벤트 보상");
  await expect(adminPage.getByTestId("adjustment-row")).toContainText(admin.email);
  expect(await balanceOf(user.email)).toBe(1_500);
  baseExpect((await ledgerOf(user.email)).map((entry) => [entry.kind, entry.bonus_delta])).toEqual([
    ["charge", 0],
    ["adjust", 500],
  ]);
  await adminPage.close();
});
