import { expect as baseExpect } from "@playwright/test";
import { balanceOf, ledgerOf, paymentStatus, userIdOf } from "../support/db";
import { emulatorControl, portone } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { spendAsService } from "../support/service-api";
import { E2E_EMULATOR_URL } from "../support/stack-urls";
import { confirmRefund, openRefundConfirm } from "../support/refund";

test("a charge whose points are all unspent is refunded in full", async ({ page, user, charge }) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("refund-quote")).toHaveText("환불 금액 10,000원 · 회수 포인트 10,000 P + 보너스 300 P");
  await confirmRefund(page, "10,000원");
  await expect(page.getByTestId("refund-row")).toContainText("10,000원환불 완료");
  await expect(page.getByTestId("header-balance")).toHaveText("0 P");

  baseExpect(await paymentStatus(paymentId)).toBe("REFUNDED");
  baseExpect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "CANCELLED",
    amount: { cancelled: 10_000 },
  });
  expect((await ledgerOf(user.email)).map((entry) => [entry.kind, entry.paid_delta, entry.bonus_delta])).toEqual([
    ["charge", 10_000, 300],
    ["refund", -10_000, -300],
  ]);
});

test("a refund the PG carries out later shows as in progress, then done once PortOne reports it", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await emulatorControl.faultCancellations({ paymentId, outcome: "pending", settle: "succeed", settleAfterMs: 8_000 });
  await page.goto(`/payments/${paymentId}`);
  await confirmRefund(page, "10,000원");
  await expect(page.getByTestId("refund-row")).toContainText("10,000원환불 처리 중");
  await expect(page.getByTestId("refund-unavailable")).toHaveText(
    "환불을 처리하고 있습니다. 결제사에서 결과가 오면 이 화면에 반영됩니다.",
  );
  await expect(page.getByTestId("header-balance")).toHaveText("0 P");
  baseExpect(await paymentStatus(paymentId)).toBe("PAID");

  // PortOne's webhook (Transaction.Cancelled) settles the refund by its cancellation id.
  await expect.poll(() => paymentStatus(paymentId), { timeout: 25_000 }).toBe("REFUNDED");
  // The open page notices by itself.
  await expect(page.getByTestId("refund-row")).toContainText("10,000원환불 완료", { timeout: 20_000 });
  expect((await ledgerOf(user.email)).map((entry) => [entry.kind, entry.paid_delta, entry.bonus_delta])).toEqual([
    ["charge", 10_000, 300],
    ["refund", -10_000, -300],
  ]);
});

test("after spending, only the unspent paid points are refunded", async ({ page, user, charge }) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await page.goto("/shop");
  await page.getByRole("button", { name: "이모티콘 팩 2,500 P 구매" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("남은 포인트 7,800 P");

  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("refund-quote")).toHaveText("환불 금액 7,800원 · 회수 포인트 7,800 P");
  await confirmRefund(page, "7,800원");
  await expect(page.getByTestId("refund-row")).toContainText("7,800원환불 완료");

  expect(await balanceOf(user.email)).toBe(0);
  baseExpect(await paymentStatus(paymentId)).toBe("PARTIALLY_REFUNDED");
  baseExpect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PARTIAL_CANCELLED",
    amount: { cancelled: 7_800 },
  });
  await page.reload();
  await expect(page.getByTestId("refund-unavailable")).toHaveText(
    "이 충전으로 받은 포인트가 모두 사용되었거나 환불되어 더 환불할 금액이 없습니다.",
  );
});

test("a charge whose paid points are all spent cannot be refunded", async ({ page, user, charge }) => {
  const paymentId = await charge.chargeByCard("5,000 P");
  const spent = await spendAsService({ userId: await userIdOf(user.email), amount: 5_000, description: "전액 사용" });
  baseExpect(spent.status).toBe(200);
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("refund-unavailable")).toHaveText(
    "이 충전으로 받은 포인트가 모두 사용되었거나 환불되어 더 환불할 금액이 없습니다.",
  );
  await expect(page.getByRole("button", { name: /환불하기/ })).toHaveCount(0);
  baseExpect(await paymentStatus(paymentId)).toBe("PAID");
});

test("a virtual-account charge is refunded into the bank account the user names", async ({ page, user, charge }) => {
  const paymentId = await charge.issueVirtualAccount("1,000 P");
  const deposited = await fetch(`${E2E_EMULATOR_URL}/__emulator/payments/${paymentId}/deposit`, { method: "POST" });
  baseExpect(deposited.ok).toBe(true);
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");

  await page.getByLabel("은행").selectOption({ label: "신한은행" });
  await page.getByLabel("계좌번호").fill("110-12");
  await page.getByLabel("예금주").fill("홍길동");
  await confirmRefund(page, "1,000원");
  await expect(page.getByText("계좌번호는 숫자 10~16자리로 입력해 주세요.")).toBeVisible();
  baseExpect(await paymentStatus(paymentId)).toBe("PAID");

  await page.getByLabel("계좌번호").fill("110-123-456789");
  await confirmRefund(page, "1,000원");
  // The PG refunds a deposit later: the points are held back at once, the refund shows in progress.
  await expect(page.getByTestId("refund-row")).toContainText("1,000원환불 처리 중");
  expect(await balanceOf(user.email)).toBe(0);
  // Then the page changes by itself once PortOne reports the money returned.
  await expect(page.getByTestId("refund-row")).toContainText("1,000원환불 완료", { timeout: 20_000 });
  baseExpect(await paymentStatus(paymentId)).toBe("REFUNDED");
  baseExpect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "CANCELLED",
    amount: { cancelled: 1_000 },
  });
});

test("a refund racing a spend of the same points: only the confirmed amount is refunded, never negative", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await page.goto(`/payments/${paymentId}`);
  const confirm = (await openRefundConfirm(page, "10,000원")).getByRole("button", { name: "환불 신청" });

  // The user confirms 10,000원 while a service spends 6,000 P of the same charge.
  const [spend] = await Promise.all([
    spendAsService({ userId: await userIdOf(user.email), amount: 6_000, description: "동시 사용" }),
    confirm.click(),
  ]);

  if (spend.status === 200) {
    // The spend came first: the 10,000원 the user agreed to is no longer right, so nothing is refunded
    // until they confirm the new amount (300 bonus + 5,700 paid were spent; 4,300 paid remain).
    await expect(page.locator("main").getByRole("alert")).toContainText("환불 금액이 바뀌었습니다");
    baseExpect(await portone.getPayment({ paymentId })).toMatchObject({ amount: { cancelled: 0 } });
    await confirmRefund(page, "4,300원");
    await expect(page.getByTestId("refund-row")).toContainText("4,300원환불 완료");
  } else {
    // The refund came first: its points are gone, so the spend is refused.
    baseExpect(spend.status).toBe(409);
    await expect(page.getByTestId("refund-row")).toContainText("10,000원환불 완료");
  }
  const refunded = spend.status === 200 ? 4_300 : 10_000;
  baseExpect(await portone.getPayment({ paymentId })).toMatchObject({ amount: { cancelled: refunded } });
  expect(await balanceOf(user.email)).toBe(0);
});
