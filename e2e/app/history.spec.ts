import { expect as baseExpect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { axeViolations } from "../support/axe";
import { userIdOf } from "../support/db";
import { expect, test } from "../support/fixtures";
import { SCREENS, SHOTS_DIR } from "../support/screens";
import { spendAsService } from "../support/service-api";

for (const screen of SCREENS) {
  test.describe(`history on ${screen.name}`, () => {
    test.use(screen.use);

    test("failed attempts are listed apart without points, and spends name the item or order", async ({
      page,
      user,
      charge,
    }) => {
      const paymentId = await charge.chargeByCard("10,300 P");
      for (let attempt = 0; attempt < 2; attempt++) {
        await charge.open();
        await charge.choose("1,000 P", "신용·체크카드");
        await charge.pay();
        await charge.answerWindow("결제 실패(거절)");
        await expect(page.getByText("포인트는 적립되지 않았습니다").or(charge.errorAlert()).first()).toBeVisible();
      }
      await page.goto("/shop");
      await page.getByRole("button", { name: "이모티콘 팩 2,500 P 구매" }).click();
      await expect(page.locator("main").getByRole("status")).toContainText("이모티콘 팩을 구매했습니다");
      const orderId = `order-${randomUUID().slice(0, 8)}`;
      const spent = await spendAsService(
        { userId: await userIdOf(user.email), amount: 800, description: "게임 아이템 상자" },
        { idempotencyKey: orderId },
      );
      baseExpect(spent.status).toBe(200);

      await page.goto("/history");
      // The charges tab lists the one charge that brought points, with its points.
      const rows = page.getByTestId("payment-row");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText("충전 완료");
      await expect(rows.first()).toContainText("10,300 P 적립");
      await expect(page.getByRole("link", { name: "실패·종료 2건" })).toBeVisible();

      const ledger = page.getByTestId("ledger-row");
      await expect(ledger).toHaveCount(3);
      await expect(ledger.nth(0)).toContainText("사용게임 아이템 상자주문번호 " + orderId);
      await expect(ledger.nth(0)).toContainText("-800 P");
      await expect(ledger.nth(1)).toContainText("사용이모티콘 팩포인트 샵");
      await expect(ledger.nth(2)).toContainText("충전");
      await expect(ledger.nth(2).getByRole("link")).toHaveAttribute("href", `/payments/${paymentId}`);
      baseExpect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS_DIR}/history-${screen.name}.png`, fullPage: true });
      if (screen.name === "phone")
        baseExpect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // The failed attempts, folded behind their tab: no points on them.
      await page.getByRole("link", { name: "실패·종료 2건" }).click();
      await expect(page).toHaveURL(/\/history\?view=unfinished$/);
      await expect(page.getByRole("link", { name: "실패·종료 2건" })).toHaveAttribute("aria-current", "page");
      await expect(rows).toHaveCount(2);
      for (const row of await rows.all()) {
        await expect(row).toContainText("결제 실패");
        await expect(row).toContainText("적립 없음");
        await expect(row).not.toContainText(" P");
      }
      await page.screenshot({ path: `${SHOTS_DIR}/history-unfinished-${screen.name}.png`, fullPage: true });
    });
  });
}
