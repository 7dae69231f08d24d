import { expect, type Page } from "@playwright/test";
import { CHARGE_PAGE, type ChargePage } from "./charge-page";
import { emulatorDefaults } from "./emulator";

/**
 * Rewrites the PortOne request that the checkout server action returns, as a tampering browser
 * would; `seen` gets the paymentId first (to set up PortOne's side before the window opens).
 */
export async function tamperCheckoutResponse(
  page: Page,
  rewrite: (body: string) => string,
  seen?: (paymentId: string) => Promise<unknown>,
) {
  // The charge page's URL carries the chosen package (?package=…): match the path alone.
  await page.route(CHARGE_PAGE, async (route) => {
    if (route.request().method() !== "POST" || !route.request().postData()?.includes("packageId"))
      return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    const paymentId = /"paymentId":"([^"]+)"/.exec(body)?.[1];
    if (seen && paymentId) await seen(paymentId);
    await route.fulfill({ response, body: rewrite(body) });
  });
}

/**
 * A 1,000 P card charge whose request the browser pointed at the store's transfer channel:
 * PortOne takes the money, but not through the channel configured for the method we sold, so
 * the app rejects it. Returns the paymentId, from the result page.
 */
export async function payOnAnotherChannel(
  charge: ChargePage,
  seen?: (paymentId: string) => Promise<unknown>,
): Promise<string> {
  const transfer = emulatorDefaults.channels.find((channel) => channel.payMethod === "TRANSFER")!.key;
  await tamperCheckoutResponse(
    charge.page,
    (body) =>
      body
        .replace(/"channelKey":"[^"]+"/, `"channelKey":"${transfer}"`)
        .replace('"payMethod":"CARD"', '"payMethod":"TRANSFER"'),
    seen,
  );
  await charge.open();
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await charge.checkout().getByRole("button", { name: "결제 승인" }).click();
  const paymentId = await charge.resultPaymentId();
  await expect(charge.page.getByTestId("payment-outcome")).toHaveText("결제 검증에 실패하여 취소되었습니다");
  return paymentId;
}
