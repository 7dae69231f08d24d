import type { Page } from "@playwright/test";

/**
 * Rewrites the PortOne request that the checkout server action returns, as a tampering browser
 * would; `seen` gets the paymentId first (to set up PortOne's side before the window opens).
 */
export async function tamperCheckoutResponse(page: Page, rewrite: (body: string) => string, seen?: (paymentId: string) => Promise<unknown>) {
  await page.route("**/charge", async (route) => {
    if (route.request().method() !== "POST" || !route.request().postData()?.includes("packageId")) return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    const paymentId = /"paymentId":"([^"]+)"/.exec(body)?.[1];
    if (seen && paymentId) await seen(paymentId);
    await route.fulfill({ response, body: rewrite(body) });
  });
}

/** A card request pointed at the store's transfer channel: PortOne takes the money, but not through the channel sold. */
export function toChannel(channelKey: string, payMethod: string) {
  return (body: string) => body.replace(/"channelKey":"[^"]+"/, `"channelKey":"${channelKey}"`).replace('"payMethod":"CARD"', `"payMethod":"${payMethod}"`);
}
