import { CHECKOUT_FRAME, expect, test } from "./fixtures.js";

test("requestIssueBillingKey issues a card billing key that the server can charge", async ({
  playground,
  page,
  portone,
}) => {
  await playground.open(`unused-${Date.now()}`);
  await page.getByRole("button", { name: "빌링키 발급 요청" }).click();
  const checkout = page.frameLocator(CHECKOUT_FRAME);
  await checkout.getByLabel("카드사").selectOption({ label: "삼성카드" });
  await checkout.getByRole("button", { name: "빌링키 발급" }).click();

  const result = await playground.result();
  expect(result).toMatchObject({
    transactionType: "ISSUE_BILLING_KEY",
    billingKey: expect.stringMatching(/^billing-key-/),
  });
  const billingKey = String(result.billingKey);
  expect(await portone.billingKey.getBillingKeyInfo({ billingKey })).toMatchObject({
    status: "ISSUED",
    issueName: "정기 충전",
  });
  const paymentId = `e2e-bk-${Date.now()}`;
  await portone.payWithBillingKey({
    paymentId,
    billingKey,
    orderName: "정기 충전",
    amount: { total: 3_000 },
    currency: "KRW",
  });
  expect(await portone.getPayment({ paymentId })).toMatchObject({ status: "PAID", billingKey });
});

test("methods the emulator does not implement reject with a clear message", async ({ playground, page }) => {
  await playground.open(`unused-${Date.now()}`);
  const rejection = await page.evaluate(async () => {
    const PortOne = await import("/sdk/browser-sdk/v2.js" as string);
    try {
      await PortOne.requestIdentityVerification({ storeId: "x", identityVerificationId: "y" });
      return null;
    } catch (error) {
      return { isPortOneError: PortOne.isPortOneError(error) as boolean, message: (error as Error).message };
    }
  });
  expect(rejection).toMatchObject({
    isPortOneError: true,
    message: expect.stringContaining("not supported by the emulator"),
  });
});
