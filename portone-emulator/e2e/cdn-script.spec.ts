import { CHECKOUT_FRAME, expect, newPaymentId, test } from "./fixtures.js";

// A merchant page that keeps PortOne's own script URL and routes only that one URL to the
// emulator: the script must still talk to the emulator, not to the CDN it was "loaded" from.

const PORTONE_CDN = "https://cdn.portone.io";

test("routing only PortOne's script URL to the emulator is enough to pay", async ({ page, emulator, portone }) => {
  const script = await (await fetch(`${emulator.url}/v2/browser-sdk.js`)).text();
  await page.route(`${PORTONE_CDN}/v2/browser-sdk.js`, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: script }),
  );

  const paymentId = newPaymentId("cdn");
  const merchantOrigin = emulator.url.replace("localhost", "127.0.0.1");
  await page.goto(`${merchantOrigin}/playground?sdk=${encodeURIComponent(PORTONE_CDN)}&paymentId=${paymentId}`);
  await expect(page.getByLabel("결제 ID")).toHaveValue(paymentId);
  await page.getByRole("button", { name: "결제 요청" }).click();

  const checkout = page.frameLocator(CHECKOUT_FRAME);
  await checkout.getByRole("button", { name: "결제 승인" }).click();
  const output = page.getByRole("status", { name: "결과" });
  await expect(output).toContainText("{");
  const result = JSON.parse((await output.textContent()) ?? "{}") as Record<string, unknown>;
  expect(result).toMatchObject({ transactionType: "PAYMENT", paymentId });
  expect(result.code).toBeUndefined();
  expect(await portone.getPayment({ paymentId })).toMatchObject({ status: "PAID" });
});
