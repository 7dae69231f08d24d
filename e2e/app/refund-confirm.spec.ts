import { expect as baseExpect } from "@playwright/test";
import { axeViolations } from "../support/axe";
import { ledgerOf, paymentStatus } from "../support/db";
import { emulatorControl } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { openRefundConfirm } from "../support/refund";
import { SCREENS, SHOTS_DIR } from "../support/screens";

for (const screen of SCREENS) {
  test.describe(`refund confirmation on ${screen.name}`, () => {
    test.use(screen.use);

    test("the refund asks first with amount and method, is keyboard operable, then says when the money comes back", async ({
      page,
      user,
      charge,
    }) => {
      const paymentId = await charge.chargeByCard("10,300 P");
      await page.goto(`/payments/${paymentId}`);
      const trigger = page.getByRole("button", { name: "10,000원 환불하기" });

      // Asking shows what happens and changes nothing yet; Escape backs out to the button.
      const dialog = await openRefundConfirm(page, "10,000원");
      await expect(dialog.getByRole("button", { name: "취소" })).toBeFocused();
      const summary = dialog.getByTestId("refund-confirm-summary");
      await expect(summary).toContainText("환불 금액10,000원");
      await expect(summary).toContainText("회수 포인트10,000 P + 보너스 300 P");
      await expect(summary).toContainText("환불 방법신용·체크카드 결제 취소");
      await expect(dialog).toContainText("보통 3~5영업일");
      baseExpect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS_DIR}/refund-confirm-${screen.name}.png` });
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(trigger).toBeFocused();
      baseExpect(await paymentStatus(paymentId)).toBe("PAID");

      // By keyboard alone: Enter opens, Tab reaches 환불 신청, Enter sends.
      await page.keyboard.press("Enter");
      await expect(dialog).toBeVisible();
      await page.keyboard.press("Tab");
      await expect(dialog.getByRole("button", { name: "환불 신청" })).toBeFocused();
      await page.keyboard.press("Enter");

      const outcome = page.getByTestId("refund-outcome");
      await expect(outcome).toContainText("10,000원 환불이 완료되었습니다.");
      await expect(outcome).toContainText("신용·체크카드 결제 취소: 카드사 승인 취소는 보통 3~5영업일");
      await expect(page.getByTestId("header-balance")).toHaveText("0 P");
      await page.screenshot({ path: `${SHOTS_DIR}/refund-done-${screen.name}.png`, fullPage: true });
      // The outcome is the page's, not the form's: it is still there after a reload.
      await page.reload();
      await expect(outcome).toContainText("10,000원 환불이 완료되었습니다.");
      baseExpect(await paymentStatus(paymentId)).toBe("REFUNDED");
      expect((await ledgerOf(user.email)).map((entry) => entry.kind)).toEqual(["charge", "refund"]);
    });

    test("a double press sends one refund; while the PG works on it the page says so", async ({
      page,
      user,
      charge,
    }) => {
      const paymentId = await charge.chargeByCard("10,300 P");
      await emulatorControl.faultCancellations({
        paymentId,
        outcome: "pending",
        settle: "succeed",
        settleAfterMs: 5_000,
      });
      await page.goto(`/payments/${paymentId}`);
      const dialog = await openRefundConfirm(page, "10,000원");
      await dialog.getByRole("button", { name: "환불 신청" }).dblclick();

      await expect(page.getByTestId("refund-outcome")).toContainText("10,000원 환불을 결제사에서 처리하고 있습니다.");
      await expect(page.getByTestId("refund-unavailable")).toHaveText(
        "환불을 처리하고 있습니다. 결제사에서 결과가 오면 이 화면에 반영됩니다.",
      );
      await expect(page.getByTestId("refund-row")).toHaveCount(1);
      await page.screenshot({ path: `${SHOTS_DIR}/refund-pending-${screen.name}.png`, fullPage: true });
      expect((await ledgerOf(user.email)).map((entry) => entry.kind)).toEqual(["charge", "refund"]);

      // PortOne's webhook settles it (nothing is left pending for reconciliation); the page says it is done.
      await expect.poll(() => paymentStatus(paymentId), { timeout: 20_000 }).toBe("REFUNDED");
      await page.reload();
      await expect(page.getByTestId("refund-outcome")).toContainText("10,000원 환불이 완료되었습니다.");
    });
  });
}
