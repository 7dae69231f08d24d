import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import type { RunningEmulator } from "../src/server.js";
import { expect, test } from "./fixtures.js";

// PortOne V1: a merchant page that loads the emulator's iamport.js, calls IMP.init and
// IMP.request_pay, and hears the callback (PC) or lands on m_redirect_url (phone).

const V1_FRAME = 'iframe[title="PortOne 테스트 결제창"]';

function shopPage(emulator: RunningEmulator): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>V1 상점</title>
<script src="${emulator.url}/v1/iamport.js"></script></head><body>
<button type="button" id="pay">결제하기</button><pre role="status" aria-label="결과" id="out"></pre>
<script>
  IMP.init(${JSON.stringify(emulator.config.v1ImpCode)});
  document.getElementById("pay").addEventListener("click", function () {
    var params = JSON.parse(new URLSearchParams(location.search).get("params"));
    IMP.request_pay(params, function (rsp) { document.getElementById("out").textContent = JSON.stringify(rsp); });
  });
</script></body></html>`;
}

/**
 * Runs `body` with a shop: a real local server on 127.0.0.1 while the script comes from
 * localhost, so another origin as a merchant site and the CDN are (a routed page would not count
 * as local, and the browser would refuse it the loopback emulator).
 */
async function withShop(emulator: RunningEmulator, body: (origin: string) => Promise<void>) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://shop.invalid");
    const html =
      url.pathname === "/return" ? `<!doctype html><title>결과</title><h1>결제 결과</h1>` : shopPage(emulator);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  try {
    await body(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function pay(page: Page, shop: string, params: Record<string, unknown>) {
  await page.goto(`${shop}/?params=${encodeURIComponent(JSON.stringify(params))}`);
  await page.getByRole("button", { name: "결제하기" }).click();
}

async function v1Payment(emulator: RunningEmulator, impUid: string) {
  const token = (await (
    await fetch(`${emulator.url}/users/getToken`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ imp_key: emulator.config.v1ApiKey, imp_secret: emulator.config.v1ApiSecret }),
    })
  ).json()) as { response: { access_token: string } };
  const answer = await fetch(`${emulator.url}/payments/${impUid}`, {
    headers: { Authorization: token.response.access_token },
  });
  return ((await answer.json()) as { response: Record<string, unknown> }).response;
}

const merchantUid = (prefix: string) => `e2e_v1_${prefix}_${Date.now().toString(36)}`;

test("PC: IMP.request_pay opens the window in an iframe and the callback reports the card payment", async ({
  page,
  emulator,
}) => {
  const uid = merchantUid("card");
  await withShop(emulator, async (shop) => {
    await pay(page, shop, {
      pg: "html5_inicis.INIpayTest",
      pay_method: "card",
      merchant_uid: uid,
      name: "포인트 5,000P",
      amount: 5000,
      buyer_name: "홍길동",
    });
    const checkout = page.frameLocator(V1_FRAME);
    await expect(checkout.getByText("포인트 5,000P")).toBeVisible();
    await checkout.getByLabel("카드사").selectOption("HYUNDAI_CARD");
    await checkout.getByRole("button", { name: "결제 승인" }).click();
    const output = page.getByRole("status", { name: "결과" });
    await expect(output).toContainText("{");
    const rsp = JSON.parse((await output.textContent()) ?? "{}") as Record<string, unknown>;
    expect(rsp).toMatchObject({
      success: true,
      merchant_uid: uid,
      paid_amount: 5000,
      status: "paid",
      pay_method: "card",
    });
    expect(rsp.imp_uid).toMatch(/^imp_\d{12}$/);
    await expect(page.locator(V1_FRAME)).toHaveCount(0);
    expect(await v1Payment(emulator, String(rsp.imp_uid))).toMatchObject({ status: "paid", card_name: "현대카드" });
  });
});

test('language "en": the overlay and the window are in English, and Decline payment fails it', async ({
  page,
  emulator,
}) => {
  const uid = merchantUid("english");
  await withShop(emulator, async (shop) => {
    await pay(page, shop, {
      pg: "html5_inicis.INIpayTest",
      pay_method: "card",
      merchant_uid: uid,
      name: "Points 10,000P",
      amount: 10000,
      language: "en",
    });
    const overlay = page.getByRole("dialog", { name: "PortOne test checkout" });
    await expect(overlay.getByRole("button", { name: "Close checkout" })).toBeVisible();
    const checkout = page.frameLocator('iframe[title="PortOne test checkout"]');
    await expect(checkout.getByText("₩10,000")).toBeVisible();
    await expect(checkout.getByRole("button", { name: "Approve payment", exact: true })).toBeVisible();
    await expect(checkout.getByRole("button", { name: "Close window", exact: true })).toBeVisible();
    await checkout.getByRole("button", { name: "Decline payment", exact: true }).click();
    const output = page.getByRole("status", { name: "결과" });
    await expect(output).toContainText("{");
    expect(JSON.parse((await output.textContent()) ?? "{}")).toMatchObject({
      success: false,
      merchant_uid: uid,
      error_code: "REJECT_CARD_COMPANY",
    });
  });
});

test("a language V1 does not know calls back at once with the failure", async ({ page, emulator }) => {
  await withShop(emulator, async (shop) => {
    await pay(page, shop, {
      pay_method: "card",
      merchant_uid: merchantUid("badlang"),
      amount: 1000,
      language: "EN_US",
    });
    const output = page.getByRole("status", { name: "결과" });
    await expect(output).toContainText("{");
    expect(JSON.parse((await output.textContent()) ?? "{}")).toMatchObject({ success: false, error_code: "F0007" });
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
});

test.describe("on a phone", () => {
  test.use({
    isMobile: true,
    hasTouch: true,
    viewport: { width: 390, height: 844 },
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  });

  test("the window replaces the page and returns to m_redirect_url with imp_uid and imp_success", async ({
    page,
    emulator,
  }) => {
    const uid = merchantUid("redirect");
    await withShop(emulator, async (shop) => {
      await pay(page, shop, {
        pg: "kcp.T0000",
        pay_method: "card",
        merchant_uid: uid,
        name: "포인트 10,000P",
        amount: 10000,
        m_redirect_url: `${shop}/return`,
      });
      await page.waitForURL(`${emulator.url}/v1/checkout/**`);
      await page.getByRole("button", { name: "결제 승인" }).click();
      await page.waitForURL(`${shop}/return?**`);
      const query = new URL(page.url()).searchParams;
      expect(query.get("merchant_uid")).toBe(uid);
      expect(query.get("imp_success")).toBe("true");
      const impUid = query.get("imp_uid") ?? "";
      expect(await v1Payment(emulator, impUid)).toMatchObject({ status: "paid", channel: "mobile", merchant_uid: uid });
    });
  });
});
