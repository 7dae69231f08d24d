import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A round-robin load balancer in front of the app instances, for what reaches the app from
 * outside (PortOne's webhooks). Like a reverse proxy with passive failover, a request that cannot
 * connect to one instance goes to the next; with every instance down it answers 502, and PortOne
 * retries on its schedule.
 */
export async function startBalancer(targets: readonly string[]) {
  let next = 0;
  /** The 502s the balancer gave itself (no instance answered), per webhook's paymentId. */
  const ownFailures = new Map<string, number>();
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tried = 0; tried < targets.length; tried += 1) {
      const target = targets[next++ % targets.length]!;
      const answer = await forward(target, request, body).catch((error: NodeJS.ErrnoException) => error);
      if (answer instanceof Error) {
        // Not connected: nothing reached that instance, so the next one may take it. A request cut
        // off mid-way is not sent again (it may have been acted on): PortOne sees a 502 and retries.
        if (answer.code === "ECONNREFUSED") continue;
        break;
      }
      response.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    const paymentId = paymentIdOf(body);
    if (paymentId) ownFailures.set(paymentId, (ownFailures.get(paymentId) ?? 0) + 1);
    response.writeHead(502).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** How many of the payment's webhook deliveries the balancer answered 502 for lack of an instance. */
    failuresFor: (paymentId: string) => ownFailures.get(paymentId) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function forward(target: string, request: http.IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const upstream = http.request(
      new URL(request.url ?? "/", target),
      // A fresh connection each time: a kept-alive one the instance has closed would read as a failure.
      { method: request.method, headers: { ...request.headers, host: new URL(target).host }, agent: false },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () =>
          resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }),
        );
        answer.on("error", reject);
      },
    );
    upstream.on("error", reject);
    upstream.end(body);
  });
}

function paymentIdOf(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { data?: { paymentId?: unknown } };
    return typeof parsed.data?.paymentId === "string" ? parsed.data.paymentId : undefined;
  } catch {
    return undefined;
  }
}
