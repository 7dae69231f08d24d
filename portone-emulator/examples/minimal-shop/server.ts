// A minimal shop paying through PortOne: one page and two route handlers, on node:http only.
// It knows nothing of the emulator: the same code runs against PortOne with real keys.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PaymentClient, Webhook } from "@portone/server-sdk";

export interface ShopSettings {
  /** PORTONE_API_BASE: https://api.portone.io, or the emulator's URL. */
  apiBase: string;
  /** The browser SDK script: https://cdn.portone.io/v2/browser-sdk.js, or `${emulator}/v2/browser-sdk.js`. */
  sdkUrl: string;
  storeId: string;
  channelKey: string;
  apiSecret: string;
  webhookSecret: string;
}

// The server decides the price; the page only names the product.
const PRODUCT = { name: "커피 쿠폰", amount: 4_500 };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startShop(settings: ShopSettings, port = 0) {
  const portone = PaymentClient({ secret: settings.apiSecret, baseUrl: settings.apiBase });
  /** paymentId → how we learned it was paid. */
  const paid = new Map<string, "completion" | "webhook">();

  /** Asks PortOne (never the browser) whether the payment is paid, for our product's price. */
  async function confirm(paymentId: string, via: "completion" | "webhook"): Promise<string> {
    const payment = await portone.getPayment({ paymentId });
    if (payment.status !== "PAID") return String(payment.status);
    if (payment.amount.total !== PRODUCT.amount || payment.currency !== "KRW") return "AMOUNT_MISMATCH";
    if (!paid.has(paymentId)) paid.set(paymentId, via);
    return "PAID";
  }

  function page(res: ServerResponse) {
    const orders = [...paid].map(([id, via]) => `<li>${escape(id)} (${via})</li>`).join("");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${PRODUCT.name}</title>
<script src="${escape(settings.sdkUrl)}"></script></head>
<body><main>
<h1>${PRODUCT.name}</h1>
<button id="buy">${PRODUCT.amount.toLocaleString("ko-KR")}원 결제</button>
<p role="status" id="result"></p>
<h2>결제 완료 주문</h2><ul id="orders">${orders}</ul>
<script>
document.getElementById("buy").addEventListener("click", async () => {
  const paymentId = "shop-" + crypto.randomUUID();
  const result = document.getElementById("result");
  const response = await PortOne.requestPayment({
    storeId: ${JSON.stringify(settings.storeId)},
    channelKey: ${JSON.stringify(settings.channelKey)},
    paymentId,
    orderName: ${JSON.stringify(PRODUCT.name)},
    totalAmount: ${PRODUCT.amount},
    currency: "KRW",
    payMethod: "CARD",
    noticeUrls: [location.origin + "/api/webhooks/portone"],
  });
  if (response.code !== undefined) { result.textContent = "결제 실패: " + response.message; return; }
  const completed = await fetch("/api/payments/complete", { method: "POST", body: JSON.stringify({ paymentId }) });
  result.textContent = (await completed.json()).status === "PAID" ? "결제 완료" : "결제 확인 실패";
});
</script></main></body></html>`);
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => resolve(body));
    });

  const server = createServer(async (req, res) => {
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(value));
    try {
      if (req.method === "GET" && req.url === "/") return page(res);
      if (req.method === "POST" && req.url === "/api/payments/complete") {
        const { paymentId } = JSON.parse(await readBody(req)) as { paymentId: string };
        return json(200, { status: await confirm(paymentId, "completion") });
      }
      if (req.method === "POST" && req.url === "/api/webhooks/portone") {
        const body = await readBody(req);
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const webhook = await Webhook.verify(settings.webhookSecret, body, headers).catch(() => null);
        if (!webhook) return json(400, { error: "invalid signature" });
        if ("data" in webhook && "paymentId" in webhook.data) await confirm(webhook.data.paymentId, "webhook");
        return json(200, { ok: true });
      }
      json(404, { error: "not found" });
    } catch (error) {
      json(500, { error: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paid,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
