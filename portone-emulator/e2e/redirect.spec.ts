import { devices } from "@playwright/test";
import { expect, newPaymentId, test } from "./fixtures.js";

// Full-page redirection: PortOne sends the browser to redirectUrl with the result in the query.

test("forceRedirect: approve, then arrive at redirectUrl with paymentId, txId and transactionType", async ({
  playground,
  page,
  portone,
}) => {
  const paymentId = newPaymentId("redirect");
  await playground.open(paymentId);
  await playground.choose({ forceRedirect: true, channel: /계좌이체/ });
  await playground.requestPayment();

  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByLabel("은행").selectOption({ label: "신한은행" });
  await page.getByRole("button", { name: "결제 승인" }).click();

  await expect(page).toHaveURL(/\/playground\/return\?/);
  const query = Object.fromEntries(new URL(page.url()).searchParams);
  expect(query).toMatchObject({ from: "playground", paymentId, transactionType: "PAYMENT" });
  expect(query.txId).toBeTruthy();
  expect(query.code).toBeUndefined();
  expect(await portone.getPayment({ paymentId })).toMatchObject({
    status: "PAID",
    transactionId: query.txId,
    method: { type: "PaymentMethodTransfer", bank: "SHINHAN" },
  });
});

test("forceRedirect: a decline arrives with code, message, pgCode and pgMessage", async ({ playground, page }) => {
  const paymentId = newPaymentId("redirect-fail");
  await playground.open(paymentId);
  await playground.choose({ forceRedirect: true });
  await playground.requestPayment();
  await page.getByRole("button", { name: "결제 실패(거절)" }).click();

  await expect(page).toHaveURL(/\/playground\/return\?/);
  const query = Object.fromEntries(new URL(page.url()).searchParams);
  expect(query).toMatchObject({
    from: "playground",
    paymentId,
    transactionType: "PAYMENT",
    code: "FAILURE_TYPE_PG",
    pgCode: "REJECT_CARD_COMPANY",
  });
  expect(query.message).toContain("REJECT_CARD_COMPANY");
  expect(query.pgMessage).toBeTruthy();
});

test.describe("on a phone", () => {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices["Pixel 7"];
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });

  test("redirection is the default and the result comes back in the query", async ({ playground, page, portone }) => {
    const paymentId = newPaymentId("phone");
    await playground.open(paymentId);
    await playground.choose({ channel: /휴대폰/ });
    await playground.requestPayment();
    await expect(page).toHaveURL(/\/checkout\//);
    await page.getByRole("button", { name: "결제 승인" }).click();

    await expect(page).toHaveURL(/\/playground\/return\?/);
    expect(new URL(page.url()).searchParams.get("paymentId")).toBe(paymentId);
    expect(await portone.getPayment({ paymentId })).toMatchObject({
      status: "PAID",
      origin: { platformType: "MOBILE" },
      method: { type: "PaymentMethodMobile" },
    });
  });
});
