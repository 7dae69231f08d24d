import { expect as baseExpect } from "@playwright/test";
import { AuthPages, newTestUser } from "../support/auth";
import { balanceOf, ledgerOf, paymentStatus, paymentsOf } from "../support/db";
import { portone } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { payOnAnotherChannel, tamperCheckoutResponse } from "../support/tamper";

test("an amount lowered in the browser is refused by PortOne: no points", async ({ page, user, charge }) => {
  await tamperCheckoutResponse(page, (body) => body.replace('"totalAmount":10000', '"totalAmount":100'));
  await charge.open();
  await charge.choose("10,300 P", "신용·체크카드");
  await charge.pay();
  // PortOne refuses a window whose amount differs from the pre-registered one.
  await expect(charge.errorAlert()).toBeVisible();
  await expect(page.locator('iframe[title="PortOne 테스트 결제창"]')).toHaveCount(0);
  const [payment] = await paymentsOf(user.email);
  baseExpect(payment?.status).not.toBe("PAID");
  expect(await ledgerOf(user.email)).toEqual([]);
});

test("a payment made on another channel is rejected and cancelled at PortOne", async ({ user, charge }) => {
  const paymentId = await payOnAnotherChannel(charge);
  expect(await paymentStatus(paymentId)).toBe("REJECTED");
  expect(await ledgerOf(user.email)).toEqual([]);
  const atPortOne = await portone.getPayment({ paymentId });
  baseExpect(atPortOne.status).toBe("CANCELLED");
});

test("another user's payment: completion and result page say not found", async ({ page, browser, user, charge }) => {
  await charge.open();
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await charge.checkout().getByRole("button", { name: "결제 승인" }).click();
  const paymentId = await charge.resultPaymentId();
  await expect(page.getByTestId("credited-points")).toHaveText("1,000 P");

  const intruderContext = await browser.newContext();
  const intruder = await intruderContext.newPage();
  await new AuthPages(intruder).signUp(newTestUser());
  const completion = await intruder.request.post("/api/payments/complete", { data: { paymentId } });
  baseExpect(completion.status()).toBe(404);
  baseExpect(await completion.json()).toEqual({ error: "payment_not_found", message: "결제를 찾을 수 없습니다." });

  for (const path of [`/charge/result?paymentId=${paymentId}`, `/payments/${paymentId}`]) {
    await intruder.goto(path);
    await expect(intruder.getByRole("heading", { name: "찾을 수 없습니다" })).toBeVisible();
    await expect(intruder.getByText("1,000 P")).toHaveCount(0);
  }
  await intruderContext.close();
  expect(await balanceOf(user.email)).toBe(1_000);
});

test("completion needs a session and a well-formed body", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const response = await anonymous.post("/api/payments/complete", { data: { paymentId: "pc-anything" } });
  baseExpect(response.status()).toBe(401);
  await anonymous.dispose();
});
