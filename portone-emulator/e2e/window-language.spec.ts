import { expect, newPaymentId, test } from "./fixtures.js";

// The request's locale through the unmodified @portone/browser-sdk: EN_US gets the window, its
// overlay and PayPal's popup in English; a locale PortOne does not know is refused before any window.

const ENGLISH_FRAME = 'iframe[title="PortOne test checkout"]';

test("EN_US: the overlay and the card window are in English, and an English approval pays", async ({
  playground,
  page,
  portone,
  checkoutWindow,
}) => {
  const paymentId = newPaymentId("en-card");
  await playground.open(paymentId);
  await playground.choose({ channel: /토스페이먼츠 카드/, amount: 10_000, locale: "EN_US" });
  await playground.requestPayment();

  const overlay = page.getByRole("dialog", { name: "PortOne test checkout" });
  await expect(overlay.getByRole("button", { name: "Close checkout" })).toBeVisible();
  const checkout = page.frameLocator(ENGLISH_FRAME);
  await expect(checkout.locator("html")).toHaveAttribute("lang", "en");
  await expect(checkout.getByText("₩10,000")).toBeVisible();
  await expect(checkout.getByText("Credit or debit card")).toBeVisible();
  for (const name of ["Approve payment", "Decline payment", "Close window"])
    await expect(checkout.getByRole("button", { name, exact: true })).toBeVisible();
  await expect(checkout.getByRole("button", { name: "결제 승인" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/emulator-checkout-english.png" });
  // The package's fixture answers an English window too.
  await checkoutWindow.approve({ "Card issuer": "Hyundai Card", Installments: "3 months" });

  const result = await playground.result();
  expect(result).toMatchObject({ transactionType: "PAYMENT", paymentId });
  expect(result.code).toBeUndefined();
  await expect(page.locator(ENGLISH_FRAME)).toHaveCount(0);
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PAID",
    method: {
      type: "PaymentMethodCard",
      card: { publisher: "HYUNDAI_CARD", name: "현대카드" },
      installment: { month: 3 },
    },
  });
});

test("EN_US: a USD card payment shows $19.99, and Close window fails it as the buyer's cancel", async ({
  playground,
  page,
}) => {
  const paymentId = newPaymentId("en-usd");
  await playground.open(paymentId);
  await playground.choose({ channel: /엑심베이/, amount: 1999, currency: "USD", locale: "EN_US" });
  await playground.requestPayment();
  const checkout = page.frameLocator(ENGLISH_FRAME);
  await expect(checkout.getByText("$19.99", { exact: true })).toBeVisible();
  await checkout.getByRole("button", { name: "Close window", exact: true }).click();
  expect(await playground.result()).toMatchObject({
    code: "FAILURE_TYPE_PG",
    pgCode: "PAY_PROCESS_CANCELED",
    paymentId,
  });
});

test("EN_US: PayPal's popup is in English and Decline payment reaches onPaymentFail", async ({
  playground,
  page,
  checkoutWindow,
}) => {
  const paymentId = newPaymentId("en-paypal");
  await playground.open(paymentId);
  await playground.choose({ channel: /PayPal/, amount: 1999, currency: "USD", locale: "EN_US" });
  await page.getByRole("button", { name: "PayPal 버튼 불러오기 (loadPaymentUI)" }).click();
  await expect(playground.page.getByRole("status", { name: "결과" })).toHaveText("PayPal 버튼을 불러왔습니다.");
  const popupOpened = page.waitForEvent("popup");
  await checkoutWindow.openPayPal();
  const popup = await popupOpened;
  await expect(popup.getByText("$19.99", { exact: true })).toBeVisible();
  for (const name of ["Approve payment", "Decline payment", "Close window"])
    await expect(popup.getByRole("button", { name, exact: true })).toBeVisible();
  await checkoutWindow.decline();
  expect(await playground.result()).toMatchObject({
    callback: "onPaymentFail",
    code: "FAILURE_TYPE_PG",
    pgCode: "INSTRUMENT_DECLINED",
    paymentId,
  });
});

test("EN_US: the billing-key window issues a key with Issue billing key", async ({ playground, page, portone }) => {
  await playground.open(`unused-${Date.now()}`);
  await playground.choose({ locale: "EN_US" });
  await page.getByRole("button", { name: "빌링키 발급 요청" }).click();
  const checkout = page.frameLocator(ENGLISH_FRAME);
  await checkout.getByLabel("Card issuer").selectOption({ label: "Samsung Card" });
  await checkout.getByRole("button", { name: "Issue billing key", exact: true }).click();
  const result = await playground.result();
  expect(result).toMatchObject({
    transactionType: "ISSUE_BILLING_KEY",
    billingKey: expect.stringMatching(/^billing-key-/),
  });
  expect(await portone.billingKey.getBillingKeyInfo({ billingKey: String(result.billingKey) })).toMatchObject({
    status: "ISSUED",
  });
});

test("a locale PortOne does not know is refused as a PaymentError before any window", async ({
  playground,
  page,
  portone,
}) => {
  const paymentId = newPaymentId("bad-locale");
  await playground.open(paymentId);
  await playground.choose({ locale: "en-US" });
  await playground.requestPayment();
  const result = await playground.result();
  expect(result).toMatchObject({ rejected: true, isPaymentError: true, code: "BadRequest" });
  expect(String(result.message)).toContain("locale");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await portone.getPayment({ paymentId }).catch((error: unknown) => error)).toBeInstanceOf(Error);
});
