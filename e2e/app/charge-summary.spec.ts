import { expect as baseExpect } from "@playwright/test";
import { AuthPages } from "../support/auth";
import { axeViolations } from "../support/axe";
import { paymentsOf } from "../support/db";
import { expect, test } from "../support/fixtures";
import { SCREENS, SHOTS_DIR } from "../support/screens";

for (const screen of SCREENS) {
  test.describe(`charge page on ${screen.name}`, () => {
    test.use(screen.use);

    test("the order is summarised in 원, bonus points explained, the pay button in reach, the choice kept in the URL", async ({
      page,
      user,
      charge,
    }) => {
      await charge.open();
      // On a phone the pay button is on screen from the start, however long the page (it sticks to the bottom).
      if (screen.name === "phone") await expect(charge.payButton()).toBeInViewport();
      await charge.choose("31,500 P", "계좌이체");
      await expect(page).toHaveURL(/\/charge\?package=points-30000&method=transfer$/);
      const summary = page.getByTestId("order-summary");
      await expect(summary).toContainText("충전 상품포인트 31,500 P");
      await expect(summary).toContainText("충전 포인트30,000 P");
      await expect(summary).toContainText("보너스 포인트+1,500 P");
      await expect(summary).toContainText("결제 수단계좌이체");
      await expect(summary).toContainText("결제 금액30,000원");
      await expect(page.getByTestId("bonus-note")).toContainText("보너스 포인트는 돈으로 돌려드리지 않고");
      await expect(charge.payButton()).toHaveText("30,000원 결제하기");
      if (screen.name === "phone") await expect(charge.payButton()).toBeInViewport();
      baseExpect(await page.locator("body").innerText()).not.toContain("₩");
      baseExpect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS_DIR}/charge-${screen.name}.png` });
      await page.screenshot({ path: `${SHOTS_DIR}/charge-full-${screen.name}.png`, fullPage: true });

      // The PG declines the transfer: the buyer reads why in words for a transfer, the PG's text as a detail.
      await charge.pay();
      await charge.answerWindow("결제 실패(거절)");
      await expect.poll(async () => (await paymentsOf(user.email))[0]?.status).toBe("FAILED");
      const [failed] = await paymentsOf(user.email);
      await page.goto(`/payments/${failed!.id}`);
      await expect(page.getByTestId("failure-explanation")).toHaveText(
        "은행에서 계좌이체를 처리하지 못했습니다. 출금 계좌의 잔액과 이체 한도를 확인해 주세요.",
      );
      await expect(page.getByTestId("pg-message")).toHaveText(
        "결제사 메시지: 카드사에서 승인을 거절했습니다. (에뮬레이터 테스트)",
      );
      await expect(page.getByText("적립 포인트")).toHaveCount(0);
      await expect(page.getByTestId("outcome-points")).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS_DIR}/failed-transfer-${screen.name}.png`, fullPage: true });

      // Back on the charge page, the package chosen before is still chosen.
      await page.goto("/charge?package=points-30000");
      await expect(page.getByRole("radio", { name: /^31,500 P/ })).toBeChecked();
      await page.goto("/charge?package=not-a-package");
      await expect(page.getByRole("radio", { name: /^10,300 P/ })).toBeChecked();
    });

    test("a waiting virtual account shows its points as to come, not as credited", async ({ page, user, charge }) => {
      await charge.open();
      await charge.choose("10,300 P", "가상계좌");
      await charge.pay();
      await charge.answerWindow("가상계좌 발급");
      await expect(page.getByTestId("payment-outcome")).toHaveText("가상계좌가 발급되었습니다");
      await expect(page.getByText("적립 예정", { exact: true })).toBeVisible();
      await expect(page.getByTestId("outcome-points")).toHaveText("10,000 P + 보너스 300 P");
      await expect(page.getByText("적립 포인트", { exact: true })).toHaveCount(0);
      baseExpect((await paymentsOf(user.email))[0]?.status).toBe("VIRTUAL_ACCOUNT_ISSUED");
    });

    test("a session that ends mid-payment says so at sign-in and returns to the payment", async ({
      page,
      browser,
      user,
      charge,
    }) => {
      const paymentId = await charge.chargeByCard("1,000 P");
      // The session ends elsewhere (signing out on every device) while this page is away at PortOne.
      const other = await browser.newContext();
      const otherPage = await other.newPage();
      await new AuthPages(otherPage).signIn(user.email, user.password);
      await otherPage.goto("/account");
      await otherPage.getByRole("button", { name: "모든 기기에서 로그아웃" }).click();
      await expect(otherPage).toHaveURL(/\/sign-in$/);
      await other.close();

      await page.goto(`/charge/result?paymentId=${paymentId}`);
      await expect(page).toHaveURL(/\/sign-in\?callbackUrl=.*&reason=expired$/);
      await expect(page.getByTestId("session-expired")).toHaveText(
        "로그인이 만료되었습니다. 다시 로그인하시면 진행하던 결제 화면으로 돌아갑니다. 결제 내역은 그대로 남아 있습니다.",
      );
      await page.screenshot({ path: `${SHOTS_DIR}/session-expired-${screen.name}.png` });
      await new AuthPages(page).signIn(user.email, user.password, "");
      await expect(page).toHaveURL(new RegExp(`/charge/result\\?paymentId=${paymentId}$`));
      await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
    });
  });
}
