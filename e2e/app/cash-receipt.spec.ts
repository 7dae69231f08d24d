import { axeViolations } from "../support/axe";
import { portone } from "../support/emulator";
import { paymentsOf, sql } from "../support/db";
import { expect, test } from "../support/fixtures";
import { E2E_EMULATOR_URL } from "../support/stack-urls";
import { checkoutAs } from "../support/server-actions";
import { confirmRefund } from "../support/refund";
import { SCREENS, SHOTS_DIR } from "../support/screens";

// 현금영수증 for cash pay methods: asked for at checkout, passed to PortOne, issued by the PG once
// the money arrives, and shown with its number and page on the payment.

/** Everything we stored for a payment, as text: the buyer's full number must be nowhere in it. */
async function storedRow(paymentId: string): Promise<string> {
  const [row] = await sql<
    { row: string }[]
  >`select row_to_json(p)::text as row from payments p where id = ${paymentId}`;
  return row?.row ?? "";
}

const cashReceiptRegion = (page: import("@playwright/test").Page) => page.getByRole("group", { name: "현금영수증" });

for (const screen of SCREENS) {
  test.describe(`cash receipts on ${screen.name}`, () => {
    test.use(screen.use);

    test("a transfer with an income-deduction receipt: a wrong number is explained, the issued receipt is shown", async ({
      page,
      user,
      charge,
    }) => {
      await charge.open();
      await charge.choose("1,000 P", "신용·체크카드");
      // A card pays with a card slip; only cash pay methods offer a cash receipt.
      await expect(cashReceiptRegion(page)).toHaveCount(0);

      await charge.choose("1,000 P", "계좌이체");
      await expect(cashReceiptRegion(page)).toBeVisible();
      await page.locator("label").filter({ hasText: "소득공제용" }).click();
      const number = page.getByLabel("휴대폰 번호");
      await number.fill("02-123-4567");
      await charge.pay();
      await expect(page.getByText("휴대폰 번호를 010으로 시작하는 10~11자리 숫자로 입력해 주세요.")).toBeVisible();
      await expect(number).toBeFocused();
      await expect(number).toHaveAttribute("aria-invalid", "true");
      await page.screenshot({ path: `${SHOTS_DIR}/cash-receipt-invalid-${screen.name}.png`, fullPage: true });
      // Nothing was started at PortOne for a number that cannot be used.
      expect(await paymentsOf(user.email)).toEqual([]);

      await number.fill("010-1234-5678");
      expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
      await page.screenshot({ path: `${SHOTS_DIR}/cash-receipt-charge-${screen.name}.png`, fullPage: true });
      await charge.payButton().click();
      await charge.answerWindow("결제 승인");
      const paymentId = await charge.resultPaymentId();
      await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");

      // PortOne got the full number and the PG issued the receipt for it.
      const atPortOne = await portone.getPayment({ paymentId });
      const issued = "cashReceipt" in atPortOne ? atPortOne.cashReceipt : undefined;
      expect(issued).toMatchObject({ status: "ISSUED", type: "PERSONAL", totalAmount: 1_000 });
      const issueNumber = issued && "issueNumber" in issued ? issued.issueNumber : "";

      const receipt = page.getByTestId("cash-receipt");
      await expect(receipt).toContainText("소득공제용 · 010-****-5678");
      await expect(receipt).toContainText(`발급 완료 · 승인번호 ${issueNumber}`);
      await page.screenshot({ path: `${SHOTS_DIR}/cash-receipt-result-${screen.name}.png`, fullPage: true });
      expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
      expect(await storedRow(paymentId)).not.toContain("12345678");

      const [receiptPage] = await Promise.all([
        page.context().waitForEvent("page"),
        receipt.getByRole("link", { name: "현금영수증 보기 (새 창)" }).click(),
      ]);
      await expect(receiptPage.getByTestId("cash-receipt-issue-number")).toHaveText(issueNumber);
      await expect(receiptPage.getByText("소득공제용")).toBeVisible();
      await receiptPage.close();

      // A full refund takes the money back, and the PG cancels the receipt with it.
      await page.goto(`/payments/${paymentId}`);
      await confirmRefund(page, "1,000원");
      await expect(page.getByTestId("cash-receipt")).toContainText(`발급 취소됨 · 승인번호 ${issueNumber}`);
      await page.screenshot({ path: `${SHOTS_DIR}/cash-receipt-cancelled-${screen.name}.png`, fullPage: true });
    });

    test("a virtual account's expense-proof receipt waits for the deposit, then appears by itself", async ({
      page,
      context,
      user,
      charge,
    }) => {
      expect(user.email).toBeTruthy();
      await charge.open();
      await charge.choose("1,000 P", "가상계좌");
      await page.locator("label").filter({ hasText: "지출증빙용" }).click();
      await page.getByLabel("사업자등록번호").fill("220-81-62517");
      await charge.pay();
      await charge.answerWindow("가상계좌 발급");
      const paymentId = await charge.resultPaymentId();
      await expect(page.getByTestId("payment-outcome")).toHaveText("가상계좌가 발급되었습니다");
      const receipt = page.getByTestId("cash-receipt");
      await expect(receipt).toContainText("지출증빙용 · 220-81-*****");
      await expect(receipt).toContainText("입금이 확인되면 발급됩니다.");
      await page.screenshot({ path: `${SHOTS_DIR}/cash-receipt-deposit-wait-${screen.name}.png`, fullPage: true });

      const consolePage = await context.newPage();
      await consolePage.goto(`${E2E_EMULATOR_URL}/console/payments/${paymentId}`);
      await consolePage.getByRole("button", { name: "테스트 입금 통지" }).click();
      // Left open (the context closes it): closing a page mid-navigation once hung for minutes.
      await expect(consolePage.getByText(/테스트 입금을 통지했습니다/)).toBeVisible();
      await page.bringToFront();

      // The open page follows the deposit without a reload, receipt included.
      await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다", { timeout: 20_000 });
      await expect(receipt).toContainText(/발급 완료 · 승인번호 \d{9}/);
      await expect(receipt.getByRole("link", { name: "현금영수증 보기 (새 창)" })).toBeVisible();
      await page.screenshot({ path: `${SHOTS_DIR}/cash-receipt-deposited-${screen.name}.png`, fullPage: true });
      expect(await storedRow(paymentId)).not.toContain("2208162517");
    });
  });
}

test("the server refuses a cash receipt for a card and a number that fails its check digit", async ({ page, user }) => {
  await page.goto("/charge");
  const checkout = await checkoutAs(page);

  expect(
    await checkout({
      packageId: "points-1000",
      payOptionId: "card",
      cashReceipt: { type: "PERSONAL", identifier: "01012345678" },
    }),
  ).toContain("선택한 결제 수단은 현금영수증을 발급하지 않습니다.");
  expect(
    await checkout({
      packageId: "points-1000",
      payOptionId: "transfer",
      cashReceipt: { type: "CORPORATE", identifier: "2208162518" },
    }),
  ).toContain("현금영수증 번호가 올바르지 않습니다.");
  expect(await paymentsOf(user.email)).toEqual([]);
});
