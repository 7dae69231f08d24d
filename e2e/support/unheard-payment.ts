import { expect as baseExpect, type Page } from "@playwright/test";
import { CHARGE_PAGE, type ChargePage } from "./charge-page";
import { paymentStatus } from "./db";
import { emulatorControl } from "./emulator";
import { expect } from "./fixtures";

/**
 * A card payment that PortOne has approved but the app has not heard of: PortOne's webhooks for
 * it are dropped and the browser's completion call never reaches the server.
 */
export async function payBehindTheAppsBack(page: Page, charge: ChargePage): Promise<string> {
  let paymentId = "";
  // The charge page's URL carries the chosen package (?package=…): match the path alone.
  await page.route(CHARGE_PAGE, async (route) => {
    const body = route.request().postData() ?? "";
    if (route.request().method() !== "POST") return route.continue();
    if (!body.includes("packageId")) return route.abort();
    const response = await route.fetch();
    const text = await response.text();
    paymentId = /"paymentId":"([^"]+)"/.exec(text)?.[1] ?? "";
    await emulatorControl.dropWebhooks(paymentId);
    await route.fulfill({ response, body: text });
  });
  await charge.open();
  await charge.choose("10,300 P", "신용·체크카드");
  await charge.pay();
  await charge.checkout().getByRole("button", { name: "결제 승인" }).click();
  await expect(charge.errorAlert()).toBeVisible();
  baseExpect(paymentId).not.toBe("");
  baseExpect(await paymentStatus(paymentId)).toBe("PENDING");
  return paymentId;
}
