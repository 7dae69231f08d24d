import { expect as baseExpect } from "@playwright/test";
import { balanceOf, ledgerOf, paymentsOf, paymentStatus } from "../support/db";
import { expect, test } from "../support/fixtures";
import { depositAtV1, reprepareAtV1, v1PaymentOf } from "../support/portone-v1";
import { confirmRefund } from "../support/refund";
import { tamperCheckoutResponse } from "../support/tamper";

// The same app, configured as a store still on PortOne V1 (I'mport): the charge page opens
// iamport.js's window with IMP.request_pay, phones come back through m_redirect_url, deposits are
// announced by V1's unsigned notices, refunds go through /payments/cancel. One money path: what
// the buyer sees and what the ledger holds are those of a V2 store.

const charged = (paymentId: string) => [{ kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 }];

test("a card payment in V1's window is credited once and shown", async ({ page, user, charge }) => {
  const paymentId = await charge.chargeByCard("10,300 P");
  await expect(page.getByTestId("credited-points")).toHaveText("10,300 P");
  await expect(charge.headerBalance()).toHaveText("10,300 P");
  expect(await ledgerOf(user.email)).toEqual(charged(paymentId));
  baseExpect(await v1PaymentOf(paymentId)).toMatchObject({
    status: "paid",
    amount: 10_000,
    pay_method: "card",
    pg_provider: "html5_inicis",
    channel: "pc",
  });
  await page.goto("/history");
  await expect(page.getByTestId("payment-row").first()).toContainText("신용·체크카드");
});

test("a decline in V1's window is explained, and nothing is credited", async ({ user, charge }) => {
  await charge.open();
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await charge.checkout().getByRole("button", { name: "결제 실패(거절)" }).click();
  await expect(charge.errorAlert()).toContainText("결제가 완료되지 않았습니다");
  await expect(charge.errorAlert().getByTestId("failure-explanation")).toHaveText(
    "카드사에서 결제를 승인하지 않았습니다. 카드 한도와 입력한 정보를 확인하거나 다른 결제 수단을 이용해 주세요.",
  );
  await expect(charge.errorAlert().getByTestId("pg-message")).toContainText("카드사에서 승인을 거절했습니다.");
  await expect.poll(async () => (await paymentsOf(user.email))[0]?.status).toBe("FAILED");
  await expect(charge.headerBalance()).toHaveText("0 P");
  expect(await ledgerOf(user.email)).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
  });

  test("V1 sends the phone back to m_redirect_url, and the result page shows the points", async ({
    page,
    user,
    charge,
  }) => {
    await charge.open();
    await charge.choose("10,300 P", "휴대폰 결제");
    await charge.pay();
    await page.getByRole("button", { name: "결제 승인" }).click();
    const paymentId = await charge.resultPaymentId();
    const query = new URL(page.url()).searchParams;
    baseExpect(query.get("imp_uid")).toMatch(/^imp_\d{12}$/);

    await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
    await expect(charge.headerBalance()).toHaveText("10,300 P");
    expect(await ledgerOf(user.email)).toEqual(charged(paymentId));
    baseExpect(await v1PaymentOf(paymentId)).toMatchObject({
      status: "paid",
      pay_method: "phone",
      pg_provider: "danal",
      channel: "mobile",
    });
  });

  test("a window closed on the phone comes back unfinished, with no points", async ({ page, user, charge }) => {
    await charge.open();
    await charge.choose("1,000 P", "신용·체크카드");
    await charge.pay();
    await page.getByRole("button", { name: "창 닫기" }).click();
    const paymentId = await charge.resultPaymentId();
    await expect(page.getByTestId("payment-outcome")).toHaveText("결제가 완료되지 않았습니다");
    await expect.poll(() => paymentStatus(paymentId)).toBe("FAILED");
    expect(await balanceOf(user.email)).toBe(0);
  });
});

test("a V1 virtual account is credited when V1's notice of the deposit arrives", async ({ page, user, charge }) => {
  const paymentId = await charge.issueVirtualAccount("10,300 P");
  await expect(page.getByRole("region", { name: "입금할 계좌" })).toBeVisible();
  expect(await paymentStatus(paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
  const account = await v1PaymentOf(paymentId);
  baseExpect(account).toMatchObject({ status: "ready", pay_method: "vbank" });

  // The depositor pays at the bank; V1 posts {imp_uid, merchant_uid, status: "paid"} to the
  // notice_url the app named in request_pay, and the app believes only V1's API.
  await depositAtV1(account.imp_uid);
  await expect.poll(() => paymentStatus(paymentId), { timeout: 15_000 }).toBe("PAID");
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
  expect(await ledgerOf(user.email)).toEqual(charged(paymentId));
});

test("an amount changed on the way to V1 is refused, cancelled at V1, and credits nothing", async ({
  page,
  user,
  charge,
}) => {
  // The browser asks for 100원 and V1 is told to expect it (a PG that ignores the preparation):
  // the window takes 100원, and the app, comparing with its own price, refuses and cancels.
  await tamperCheckoutResponse(
    page,
    (body) => body.replace('"amount":1000', '"amount":100'),
    (paymentId) => reprepareAtV1(paymentId, 100),
  );
  await charge.open();
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await charge.checkout().getByRole("button", { name: "결제 승인" }).click();
  const paymentId = await charge.resultPaymentId();
  await expect(page.getByTestId("payment-outcome")).toHaveText("결제 검증에 실패하여 취소되었습니다");
  await expect.poll(async () => (await v1PaymentOf(paymentId)).status).toBe("cancelled");
  expect(await ledgerOf(user.email)).toEqual([]);
});

test("refunds on V1: in part after spending, then in full on another charge", async ({ page, user, charge }) => {
  const first = await charge.chargeByCard("10,300 P");
  await page.goto("/shop");
  await page.getByRole("button", { name: "이모티콘 팩 2,500 P 구매" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("남은 포인트 7,800 P");
  await page.goto(`/payments/${first}`);
  await confirmRefund(page, "7,800원");
  await expect(page.getByTestId("refund-row")).toContainText("7,800원환불 완료");
  baseExpect(await paymentStatus(first)).toBe("PARTIALLY_REFUNDED");
  // V1 keeps a partly cancelled payment "paid", with what was cancelled beside it.
  baseExpect(await v1PaymentOf(first)).toMatchObject({ status: "paid", amount: 10_000, cancel_amount: 7_800 });

  const second = await charge.chargeByCard("5,000 P");
  await page.goto(`/payments/${second}`);
  await confirmRefund(page, "5,000원");
  await expect(page.getByTestId("refund-row")).toContainText("5,000원환불 완료");
  baseExpect(await paymentStatus(second)).toBe("REFUNDED");
  baseExpect(await v1PaymentOf(second)).toMatchObject({ status: "cancelled", cancel_amount: 5_000 });
  expect(await balanceOf(user.email)).toBe(0);
});
