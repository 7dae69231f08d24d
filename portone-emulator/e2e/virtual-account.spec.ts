import { Webhook } from "@portone/server-sdk";
import { CHECKOUT_FRAME, expect, newPaymentId, test } from "./fixtures.js";

test("a virtual account is issued in the window, then deposited from the console, producing a Paid webhook", async ({
  playground,
  page,
  portone,
  emulator,
  webhooks,
}) => {
  const paymentId = newPaymentId("vbank");
  await playground.open(paymentId);
  await playground.choose({ channel: /가상계좌/, amount: 30_000 });
  await playground.requestPayment();

  const checkout = page.frameLocator(CHECKOUT_FRAME);
  await checkout.getByLabel("입금 은행").selectOption({ label: "하나은행" });
  // Filled until the window holds the values (under load a fill into a frame still settling was
  // seen to land nowhere), then submitted.
  await expect(async () => {
    await checkout.getByLabel("예금주").fill("포인트충전소");
    await checkout.getByLabel("입금 기한").fill("2030-12-31");
    await expect(checkout.getByLabel("예금주")).toHaveValue("포인트충전소", { timeout: 500 });
    await expect(checkout.getByLabel("입금 기한")).toHaveValue("2030-12-31", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await checkout.getByRole("button", { name: "가상계좌 발급" }).click();

  const result = await playground.result();
  expect(result).toMatchObject({ transactionType: "PAYMENT", paymentId });
  expect(result.code).toBeUndefined();
  const issued = await portone.getPayment({ paymentId });
  expect(issued).toMatchObject({
    status: "VIRTUAL_ACCOUNT_ISSUED",
    method: {
      type: "PaymentMethodVirtualAccount",
      bank: "HANA",
      remitteeName: "포인트충전소",
      expiredAt: "2030-12-31T14:59:59.000Z",
    },
  });

  await page.goto(`${emulator.url}/console`);
  await page.getByRole("link", { name: paymentId }).click();
  await expect(page.getByTestId("payment-status")).toContainText("가상계좌 발급");
  await page.screenshot({ path: "test-results/emulator-console-virtual-account.png", fullPage: true });
  await page.getByRole("button", { name: "테스트 입금 통지" }).click();
  await expect(page.getByRole("status")).toContainText("테스트 입금을 통지했습니다");
  await expect(page.getByTestId("payment-status")).toContainText("결제 완료");

  await expect.poll(() => webhooks.forPayment(paymentId).map((webhook) => webhook.type)).toContain("Transaction.Paid");
  const paid = webhooks.forPayment(paymentId).find((webhook) => webhook.type === "Transaction.Paid");
  const verified = await Webhook.verify(emulator.config.webhookSecrets[0] ?? "", paid?.body ?? "", paid?.headers ?? {});
  expect(verified).toMatchObject({ type: "Transaction.Paid", data: { paymentId } });
  expect(await portone.getPayment({ paymentId })).toMatchObject({ status: "PAID", amount: { paid: 30_000 } });
});
