import { expect, newPaymentId, test, type PlaygroundPage } from "./fixtures.js";

// PayPal through loadPaymentUI, with the unmodified @portone/browser-sdk: the playground loads
// PayPal's button into its portone-ui-container, the click opens PayPal's window as a popup, and
// the result reaches onPaymentSuccess / onPaymentFail.

async function loadPayPalButton(playground: PlaygroundPage, paymentId: string) {
  await playground.open(paymentId);
  await playground.choose({ channel: /PayPal/, amount: 1999, currency: "USD" });
  await playground.page.getByRole("button", { name: "PayPal 버튼 불러오기 (loadPaymentUI)" }).click();
  await expect(playground.page.getByRole("status", { name: "결과" })).toHaveText("PayPal 버튼을 불러왔습니다.");
  const button = playground.page
    .locator('.portone-ui-container[data-portone-ui-type="paypal-spb"]')
    .getByRole("button", {
      name: "PayPal",
    });
  await expect(button).toBeVisible();
  return button;
}

test("approve: onPaymentSuccess, and the payment is PAID in USD at the API", async ({
  playground,
  page,
  portone,
  webhooks,
  checkoutWindow,
}) => {
  const paymentId = newPaymentId("paypal");
  await loadPayPalButton(playground, paymentId);
  await page.locator(".portone-ui-container").screenshot({ path: "test-results/emulator-paypal-button.png" });
  const popupOpened = page.waitForEvent("popup");
  await checkoutWindow.openPayPal();
  const popup = await popupOpened;
  await expect(popup.getByText("PayPal", { exact: true })).toBeVisible();
  await expect(popup.getByText("US$19.99")).toBeVisible();
  await popup.screenshot({ path: "test-results/emulator-paypal-window.png" });
  await checkoutWindow.approve();

  const result = await playground.result();
  expect(result).toMatchObject({ callback: "onPaymentSuccess", transactionType: "PAYMENT", paymentId });
  expect(result.code).toBeUndefined();
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PAID",
    transactionId: result.txId,
    currency: "USD",
    amount: { total: 1999, paid: 1999 },
    channel: { pgProvider: "PAYPAL_V2" },
    method: { type: "PaymentMethodEasyPay", provider: "PAYPAL" },
  });
  await expect
    .poll(() => webhooks.forPayment(paymentId).map((received) => received.type))
    .toEqual(expect.arrayContaining(["Transaction.Ready", "Transaction.Paid"]));
});

test("decline: onPaymentFail with PayPal's code; the button stays for another try", async ({
  playground,
  page,
  portone,
}) => {
  const paymentId = newPaymentId("paypal-decline");
  const button = await loadPayPalButton(playground, paymentId);
  const popupOpened = page.waitForEvent("popup");
  await button.click();
  const popup = await popupOpened;
  await popup.getByRole("button", { name: "결제 실패(거절)" }).click();

  expect(await playground.result()).toMatchObject({
    callback: "onPaymentFail",
    isPaymentError: true,
    code: "FAILURE_TYPE_PG",
    pgCode: "INSTRUMENT_DECLINED",
    paymentId,
  });
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "FAILED",
    failure: { pgCode: "INSTRUMENT_DECLINED" },
  });
  await expect(button).toBeEnabled();
});

test("closing PayPal's window: onPaymentFail with PAY_PROCESS_CANCELED", async ({ playground, page, portone }) => {
  const paymentId = newPaymentId("paypal-close");
  const button = await loadPayPalButton(playground, paymentId);
  const popupOpened = page.waitForEvent("popup");
  await button.click();
  const popup = await popupOpened;
  await expect(popup.getByRole("button", { name: "결제 승인" })).toBeVisible();
  await popup.close();

  expect(await playground.result()).toMatchObject({
    callback: "onPaymentFail",
    code: "FAILURE_TYPE_PG",
    pgCode: "PAY_PROCESS_CANCELED",
    paymentId,
  });
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "FAILED",
    failure: { pgCode: "PAY_PROCESS_CANCELED" },
  });
});

test("a non-PayPal channel or a currency PayPal's channel refuses: loadPaymentUI rejects, no button", async ({
  playground,
  page,
}) => {
  await playground.open(newPaymentId("paypal-card"));
  const load = page.getByRole("button", { name: "PayPal 버튼 불러오기 (loadPaymentUI)" });
  await playground.choose({ channel: /신용·체크카드/, amount: 10_000, currency: "KRW" });
  await load.click();
  expect(await playground.result()).toMatchObject({
    rejected: true,
    isLoadPaymentUIError: true,
    code: "BadRequest",
    message: expect.stringContaining("loadPaymentUI"),
  });

  await playground.choose({ channel: /PayPal/, amount: 10_000, currency: "KRW" });
  await load.click();
  await expect(page.getByRole("status", { name: "결과" })).toContainText("KRW");
  expect(await playground.result()).toMatchObject({ rejected: true, isLoadPaymentUIError: true, code: "BadRequest" });
  await expect(page.locator(".portone-ui-container").getByRole("button")).toHaveCount(0);
});
