import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { webhookHeaders } from "portone-emulator";
import { domainSuite, failPortOneCalls, newUser, payAtPortOne } from "../support/domain";

const suite = domainSuite();
const EMAIL = "log-watcher-7f3a@example.com";

beforeAll(() => {
  process.env.LOG_LEVEL = "info";
});

// What the app writes to stdout, line by line, while a test runs.
let written: string[] = [];
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const lines = () => written.join("").split("\n").filter(Boolean);
const events = () => lines().map((line) => JSON.parse(line) as Record<string, unknown>);

/** Nothing secret or personal in any line: API and webhook secrets, the buyer's e-mail. */
function expectNoSecrets() {
  const text = written.join("");
  expect(text).not.toContain(suite.emulator.config.apiSecret);
  for (const secret of suite.emulator.config.webhookSecrets) expect(text).not.toContain(secret.replace(/^whsec_/, ""));
  expect(text).not.toContain(EMAIL);
}

async function postWebhook(paymentId: string, requestId: string) {
  const { POST } = await import("@/app/api/webhooks/portone/route");
  const body = JSON.stringify({ type: "Transaction.Paid", timestamp: new Date().toISOString(), data: { paymentId } });
  const headers = webhookHeaders(suite.emulator.config.webhookSecrets, `wh-log-${paymentId}`, body);
  return POST(
    new Request("http://localhost:3000/api/webhooks/portone", {
      method: "POST",
      headers: { ...headers, "x-request-id": requestId },
      body,
    }),
  );
}

describe("money-path logs", () => {
  it("a webhook that credits a payment writes one JSON line per event, each with the request and payment ids", async () => {
    const userId = await newUser(EMAIL);
    const paymentId = await payAtPortOne(suite, userId);
    written = [];
    const response = await postWebhook(paymentId, "lb-req-0001-abcdef");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("lb-req-0001-abcdef");

    // Every line is one JSON object (JSON.parse throws on anything else).
    const logged = events();
    expect(logged.length).toBe(lines().length);
    const changed = logged.find((event) => event.msg === "payment status changed");
    const handled = logged.find((event) => event.msg === "webhook handled");
    expect(changed).toMatchObject({
      level: "info",
      requestId: "lb-req-0001-abcdef",
      paymentId,
      from: "PENDING",
      to: "PAID",
      paidPoints: 10_000,
    });
    expect(handled).toMatchObject({ requestId: "lb-req-0001-abcdef", paymentId, outcome: "processed" });
    expect(typeof changed?.time).toBe("string");
    expectNoSecrets();
  });

  it("an unusable incoming request id is replaced, and PortOne's failures are logged with the payment id", async () => {
    const userId = await newUser(`other-${EMAIL}`);
    const paymentId = await payAtPortOne(suite, userId);
    await failPortOneCalls(suite, paymentId, 10, "GET /payments/{paymentId}");
    written = [];
    const response = await postWebhook(paymentId, "bad id {injected} and far too long to be a token");
    expect(response.status).toBe(503);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const failed = events().find((event) => event.msg === "webhook processing failed; PortOne will retry");
    expect(failed).toMatchObject({ level: "error", requestId, paymentId, webhookType: "Transaction.Paid" });
    expect(written.join("")).not.toContain("injected");
    expectNoSecrets();
    await fetch(`${suite.emulator.url}/__emulator/faults?paymentId=${paymentId}`, { method: "DELETE" });
  });

  it("known secret fields are redacted even when a caller passes them", async () => {
    const { log } = await import("@/lib/observability/log");
    const { runWithRequestId } = await import("@/lib/observability/request-id");
    runWithRequestId("req-redact-test-1", () =>
      log.info(
        { paymentId: "pay-1", email: EMAIL, err: { data: { apiSecret: suite.emulator.config.apiSecret } } },
        "careless call",
      ),
    );
    expect(events()).toMatchObject([
      {
        requestId: "req-redact-test-1",
        paymentId: "pay-1",
        email: "[redacted]",
        err: { data: { apiSecret: "[redacted]" } },
      },
    ]);
    expectNoSecrets();
  });
});
