import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  type: string;
  paymentId?: string;
  receivedAt: number;
}

/** What the receiver answers: a status code, or "hang" (never answer). */
export type Reply = number | "hang";

/** A local HTTP endpoint that records webhooks; `reply` decides each answer. */
export async function startWebhookReceiver(reply: (webhook: ReceivedWebhook, index: number) => Reply = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const parsed = JSON.parse(body) as { type: string; data?: { paymentId?: string } };
      const webhook: ReceivedWebhook = {
        headers: plainHeaders(req.headers),
        body,
        type: parsed.type,
        paymentId: parsed.data?.paymentId,
        receivedAt: Date.now(),
      };
      received.push(webhook);
      const answer = reply(webhook, received.length - 1);
      if (answer === "hang") return;
      res.writeHead(answer, { "Content-Type": "text/plain" }).end(answer < 300 ? "ok" : "fail");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    forPayment: (paymentId: string) => received.filter((webhook) => webhook.paymentId === paymentId),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function plainHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
  );
}
