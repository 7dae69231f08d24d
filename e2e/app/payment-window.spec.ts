import type { Page } from "@playwright/test";
import { balanceOf, paymentsOf, paymentStatus } from "../support/db";
import { SHOTS_DIR } from "../support/screens";
import { expect, test } from "../support/fixtures";
import { E2E_EMULATOR_URL } from "../support/stack-urls";

/** PortOne's window page cannot be reached: its frame shows the browser's error page. */
async function breakPortOneWindow(page: Page) {
  await page.route(`${E2E_EMULATOR_URL}/checkout/**`, (route) => route.abort("connectionrefused"));
}

const overlay = (page: Page) => page.getByRole("dialog", { name: "PortOne 테스트 결제창" });

for (const screen of [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "narrow window", viewport: { width: 360, height: 740 } },
]) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport });

    test("a window that cannot load is explained and closes, and the buyer can pay again", async ({
      page,
      user,
      charge,
    }) => {
      await page.clock.install();
      await charge.open();
      await charge.choose("1,000 P", "신용·체크카드");
      await breakPortOneWindow(page);
      await charge.pay();
      await expect(overlay(page)).toBeVisible();
      await expect(page.getByTestId("payment-window-panel")).toBeAttached();

      // Nothing arrives from the window: after a while the overlay says what happened.
      await page.clock.fastForward(25_000);
      await expect(overlay(page)).toContainText("결제창을 불러오지 못했습니다");
      await page.screenshot({ path: `${SHOTS_DIR}/window-broken-${screen.viewport.width}.png` });

      if (screen.viewport.width > 400) await page.keyboard.press("Escape");
      else await overlay(page).getByRole("button", { name: "결제창 닫기" }).click();
      await expect(overlay(page)).toHaveCount(0);
      await expect(charge.errorAlert()).toContainText("결제가 완료되지 않았습니다");
      await expect(charge.payButton()).toBeEnabled();
      await page.screenshot({ path: `${SHOTS_DIR}/window-closed-${screen.viewport.width}.png`, fullPage: true });

      const [attempt] = await paymentsOf(user.email);
      await expect.poll(() => paymentStatus(attempt!.id)).toBe("FAILED");
      expect(await balanceOf(user.email)).toBe(0);
    });

    test("while a popup is open the page says to look there, brings it back, or cancels", async ({
      page,
      user,
      charge,
    }) => {
      await charge.open();
      await charge.choose("1,000 P", "카카오페이");
      const popupOpened = page.waitForEvent("popup");
      await charge.pay();
      const popup = await popupOpened;
      await expect(popup.getByRole("button", { name: "결제 승인" })).toBeVisible();

      const panel = page.getByTestId("payment-window-panel");
      await expect(panel).toContainText("새 창에서 결제를 진행해 주세요");
      await page.screenshot({ path: `${SHOTS_DIR}/popup-open-${screen.viewport.width}.png`, fullPage: true });
      await panel.getByRole("button", { name: "결제창 보기" }).click();
      expect(popup.isClosed()).toBe(false);

      const popupClosed = popup.waitForEvent("close");
      await panel.getByRole("button", { name: "결제 취소" }).click();
      await popupClosed;
      await expect(charge.errorAlert()).toContainText("결제를 취소했습니다");
      await expect(charge.payButton()).toBeEnabled();

      const [attempt] = await paymentsOf(user.email);
      await expect.poll(() => paymentStatus(attempt!.id)).toMatch(/^(EXPIRED|FAILED)$/);
      expect(await balanceOf(user.email)).toBe(0);
    });
  });
}
