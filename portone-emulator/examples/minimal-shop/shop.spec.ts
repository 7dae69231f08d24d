// The example shop's test, written as another project would: the package's Playwright fixture.
import { expect, test } from "portone-emulator/playwright";
import { startShop } from "./server";

const shopTest = test.extend<{ shop: Awaited<ReturnType<typeof startShop>> }>({
  shop: async ({ portoneEmulator }, provide) => {
    const { url, config } = portoneEmulator;
    const card = config.channels.find((channel) => channel.payMethod === "CARD");
    const shop = await startShop({
      apiBase: url,
      sdkUrl: `${url}/v2/browser-sdk.js`,
      storeId: config.storeId,
      channelKey: card?.key ?? "",
      apiSecret: config.apiSecret,
      webhookSecret: config.webhookSecrets[0] ?? "",
    });
    await provide(shop);
    await shop.close();
  },
});

shopTest(
  "a card payment is approved, confirmed with PortOne, and its signed webhook verified",
  async ({ page, shop, checkoutWindow, portoneEmulator }) => {
    await page.goto(shop.url);
    await page.getByRole("button", { name: "4,500원 결제" }).click();
    await checkoutWindow.approve({ 카드사: "현대카드" });
    await expect(page.getByRole("status")).toHaveText("결제 완료");

    const [paymentId] = [...shop.paid.keys()];
    const payment = await portoneEmulator.control.payment(paymentId ?? "");
    expect(payment).toMatchObject({ status: "PAID", amount: { total: 4_500 } });
    // The webhook went to the page's noticeUrls and passed Webhook.verify (a bad signature gets 400).
    await expect
      .poll(async () => (await portoneEmulator.control.webhooks(paymentId)).map((hook) => [hook.type, hook.outcome]))
      .toContainEqual(["Transaction.Paid", "200"]);
  },
);

shopTest("a declined card and a closed window credit nothing", async ({ page, shop, checkoutWindow }) => {
  await page.goto(shop.url);
  await page.getByRole("button", { name: "4,500원 결제" }).click();
  await checkoutWindow.decline();
  await expect(page.getByRole("status")).toContainText("결제 실패");
  await page.getByRole("button", { name: "4,500원 결제" }).click();
  await checkoutWindow.close();
  await expect(page.getByRole("status")).toContainText("결제 실패");
  expect(shop.paid.size).toBe(0);
});

shopTest(
  "a lost webhook: the completion call still confirms the payment",
  async ({ page, shop, checkoutWindow, portoneEmulator }) => {
    await portoneEmulator.control.faultWebhooks({ global: true, mode: "drop", count: 10 });
    try {
      await page.goto(shop.url);
      await page.getByRole("button", { name: "4,500원 결제" }).click();
      await checkoutWindow.approve();
      await expect(page.getByRole("status")).toHaveText("결제 완료");
      expect([...shop.paid.values()]).toEqual(["completion"]);
    } finally {
      await portoneEmulator.control.clearFaults();
    }
  },
);
