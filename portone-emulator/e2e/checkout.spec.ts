import { CHECKOUT_FRAME, expect, newPaymentId, test } from "./fixtures.js";

// Desktop flows through the unmodified @portone/browser-sdk, with the emulator's script
// loaded cross-origin by the playground page.

test("iframe: the tester approves a card payment", async ({ playground, page, portone }) => {
  const paymentId = newPaymentId("iframe");
  await playground.open(paymentId);
  await playground.choose({ channel: /카드/, amount: 12_000 });
  await playground.requestPayment();

  const checkout = page.frameLocator(CHECKOUT_FRAME);
  await expect(checkout.getByRole("heading", { name: playground.emulator.config.storeName })).toBeVisible();
  await expect(checkout.getByText("₩12,000")).toBeVisible();
  await checkout.getByLabel("카드사").selectOption({ label: "현대카드" });
  await checkout.getByLabel("할부").selectOption({ label: "3개월" });
  await page.screenshot({ path: "test-results/emulator-checkout-iframe.png" });
  await checkout.getByRole("button", { name: "결제 승인" }).click();

  const result = await playground.result();
  expect(result).toMatchObject({ transactionType: "PAYMENT", paymentId });
  expect(result.code).toBeUndefined();
  await expect(page.locator(CHECKOUT_FRAME)).toHaveCount(0);
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PAID",
    transactionId: result.txId,
    amount: { total: 12_000 },
    method: { type: "PaymentMethodCard", card: { publisher: "HYUNDAI_CARD" }, installment: { month: 3 } },
    origin: { platformType: "PC", url: expect.stringContaining("/playground") },
  });
});

test("popup: the tester approves an easy-pay payment", async ({ playground, page, portone }) => {
  const paymentId = newPaymentId("popup");
  await playground.open(paymentId);
  await playground.choose({ channel: /카카오페이/, windowType: "POPUP", currency: "CURRENCY_KRW" });
  const popupOpened = page.waitForEvent("popup");
  await playground.requestPayment();
  const popup = await popupOpened;
  await expect(popup.getByText("간편결제 · 카카오페이")).toBeVisible();
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "결제 승인" }).click();
  await closed;

  const result = await playground.result();
  expect(result).toMatchObject({ transactionType: "PAYMENT", paymentId });
  expect(result.code).toBeUndefined();
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PAID",
    currency: "KRW",
    method: { type: "PaymentMethodEasyPay", provider: "KAKAOPAY" },
    channel: { pgProvider: "KAKAOPAY" },
  });
});

test("popup: the user closes the window without paying", async ({ playground, page, portone }) => {
  const paymentId = newPaymentId("popup-close");
  await playground.open(paymentId);
  await playground.choose({ windowType: "POPUP" });
  const popupOpened = page.waitForEvent("popup");
  await playground.requestPayment();
  const popup = await popupOpened;
  await expect(popup.getByRole("button", { name: "결제 승인" })).toBeVisible();
  await popup.close();

  expect(await playground.result()).toMatchObject({
    code: "FAILURE_TYPE_PG",
    pgCode: "PAY_PROCESS_CANCELED",
    paymentId,
  });
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "FAILED",
    failure: { pgCode: "PAY_PROCESS_CANCELED" },
  });
});

test("iframe: the user presses 창 닫기", async ({ playground, page, portone }) => {
  const paymentId = newPaymentId("iframe-close");
  await playground.open(paymentId);
  await playground.requestPayment();
  await page.frameLocator(CHECKOUT_FRAME).getByRole("button", { name: "창 닫기" }).click();

  expect(await playground.result()).toMatchObject({ code: "FAILURE_TYPE_PG", pgCode: "PAY_PROCESS_CANCELED" });
  await expect(page.locator(CHECKOUT_FRAME)).toHaveCount(0);
  expect((await portone.getPayment({ paymentId })).status).toBe("FAILED");
});

test("iframe: the card company declines", async ({ playground, page, portone }) => {
  const paymentId = newPaymentId("decline");
  await playground.open(paymentId);
  await playground.requestPayment();
  await page.frameLocator(CHECKOUT_FRAME).getByRole("button", { name: "결제 실패(거절)" }).click();

  const result = await playground.result();
  expect(result).toMatchObject({ code: "FAILURE_TYPE_PG", pgCode: "REJECT_CARD_COMPANY", paymentId });
  expect(String(result.pgMessage)).toContain("거절");
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "FAILED",
    failure: { pgCode: "REJECT_CARD_COMPANY" },
  });
});

test("an amount that differs from the pre-registered one is refused before any window opens", async ({
  playground,
  page,
  portone,
}) => {
  const paymentId = newPaymentId("mismatch");
  await portone.preRegisterPayment({ paymentId, totalAmount: 5_000, currency: "KRW" });
  await playground.open(paymentId);
  await playground.choose({ amount: 1_000 });
  await playground.requestPayment();

  expect(await playground.result()).toMatchObject({
    rejected: true,
    isPaymentError: true,
    code: "AmountNotEqualToPredefined",
  });
  await expect(page.locator(CHECKOUT_FRAME)).toHaveCount(0);
});

test("an already paid paymentId and a request without orderName are rejected as PaymentErrors", async ({
  playground,
  page,
}) => {
  const paymentId = newPaymentId("twice");
  await playground.open(paymentId);
  await playground.requestPayment();
  await page.frameLocator(CHECKOUT_FRAME).getByRole("button", { name: "결제 승인" }).click();
  expect((await playground.result()).code).toBeUndefined();

  await playground.requestPayment();
  expect(await playground.result()).toMatchObject({ rejected: true, isPaymentError: true, code: "PaymentAlreadyPaid" });

  // Straight through the package, as an app would call it.
  const rejection = await page.evaluate(async (storeId) => {
    const PortOne = await import("/sdk/browser-sdk/v2.js" as string);
    try {
      await PortOne.requestPayment({
        storeId,
        paymentId: "no-order-name",
        totalAmount: 1000,
        currency: "KRW",
        payMethod: "CARD",
      });
      return null;
    } catch (error) {
      return {
        isPaymentError: PortOne.isPaymentError(error) as boolean,
        code: (error as { code: string }).code,
        message: (error as Error).message,
      };
    }
  }, playground.emulator.config.storeId);
  expect(rejection).toMatchObject({ isPaymentError: true, code: "BadRequest" });
  expect(rejection?.message).toContain("orderName");
});

test("iframe: a window that cannot load is explained, and Escape closes it as a cancel", async ({
  playground,
  page,
  portone,
}) => {
  const paymentId = newPaymentId("iframe-unreachable");
  await page.clock.install();
  await playground.open(paymentId);
  await page.route(`${playground.emulator.url}/checkout/**`, (route) => route.abort("connectionrefused"));
  await playground.requestPayment();
  const overlay = page.getByRole("dialog", { name: "PortOne 테스트 결제창" });
  // Until the window says it loaded, focus stays outside its frame, where Escape is heard.
  await expect(overlay.getByRole("button", { name: "결제창 닫기" })).toBeFocused();
  await page.clock.fastForward(11_000);
  await expect(overlay.getByRole("alert")).toHaveText("결제창을 불러오지 못했습니다. 창을 닫고 다시 시도해 주세요.");
  await page.keyboard.press("Escape");

  expect(await playground.result()).toMatchObject({
    code: "FAILURE_TYPE_PG",
    pgCode: "PAY_PROCESS_CANCELED",
    paymentId,
  });
  await expect(overlay).toHaveCount(0);
  expect((await portone.getPayment({ paymentId })).status).toBe("FAILED");
});

test("iframe: once loaded the window has focus, and Escape in it or the close button cancels", async ({
  playground,
  page,
  portone,
}) => {
  const paymentId = newPaymentId("iframe-escape");
  await playground.open(paymentId);
  await playground.requestPayment();
  const checkout = page.frameLocator(CHECKOUT_FRAME);
  await expect(checkout.getByRole("button", { name: "결제 승인" })).toBeVisible();
  await expect(page.locator(CHECKOUT_FRAME)).toBeFocused();
  await expect(page.getByRole("dialog", { name: "PortOne 테스트 결제창" }).getByRole("alert")).toHaveText("");
  // Focus the button inside the window, then press Escape on the keyboard: the window closes itself, and a
  // press bound to an element of the frame it removes would wait on that frame for ever.
  await checkout.getByRole("button", { name: "결제 승인" }).focus();
  await page.keyboard.press("Escape");

  expect(await playground.result()).toMatchObject({ code: "FAILURE_TYPE_PG", pgCode: "PAY_PROCESS_CANCELED" });
  expect((await portone.getPayment({ paymentId })).status).toBe("FAILED");

  const second = newPaymentId("iframe-close-button");
  await playground.open(second);
  await playground.requestPayment();
  await expect(checkout.getByRole("button", { name: "결제 승인" })).toBeVisible();
  await page.getByRole("button", { name: "결제창 닫기" }).click();
  expect(await playground.result()).toMatchObject({ code: "FAILURE_TYPE_PG", paymentId: second });
  await expect(page.locator(CHECKOUT_FRAME)).toHaveCount(0);
});
