import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancelPaymentError, GetPaymentError } from "@portone/server-sdk/payment";
import type { RunningEmulator } from "../src/server.js";
import { RETRY_WAIT_MINUTES, retryDelayMs } from "../src/webhooks/schedule.js";
import {
  control,
  paymentClient,
  payThroughCheckout,
  sleep,
  startTestEmulator,
  startWebhookReceiver,
  waitFor,
  type Reply,
} from "./helpers.js";

// 1 minute → 30 ms: the whole 1+4+16+64+256-minute schedule takes about 10 s.
const SCALE = 0.0005;
const MINUTE_MS = 60_000 * SCALE;

let emulator: RunningEmulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
/** Per paymentId, how the receiver answers each delivery of that payment's Paid webhook. */
const paidReplies = new Map<string, Reply[]>();

beforeAll(async () => {
  receiver = await startWebhookReceiver((webhook) => {
    if (webhook.type !== "Transaction.Paid" || !webhook.paymentId) return 200;
    return paidReplies.get(webhook.paymentId)?.shift() ?? 200;
  });
  emulator = await startTestEmulator({ webhookUrl: receiver.url, retryScale: SCALE, webhookTimeoutMs: 200 });
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

const paidDeliveries = (paymentId: string) =>
  receiver.forPayment(paymentId).filter((webhook) => webhook.type === "Transaction.Paid");

describe("retry schedule", () => {
  it("computes PortOne's waits, scaled, with jitter only ever added", () => {
    expect(RETRY_WAIT_MINUTES).toEqual([1, 4, 16, 64, 256]);
    expect(retryDelayMs(2, 1, () => 0)).toBe(60_000);
    expect(retryDelayMs(6, 1, () => 0)).toBe(256 * 60_000);
    expect(retryDelayMs(3, 0.5, () => 1)).toBe(Math.round(4 * 60_000 * 0.5 * 1.1));
    expect(retryDelayMs(7, 1)).toBeUndefined();
  });

  it("retries non-2xx answers on the schedule until it succeeds, recording every attempt", async () => {
    const paymentId = `retry-${Date.now()}`;
    paidReplies.set(paymentId, [500, 503, 404]);
    await payThroughCheckout(emulator, { paymentId });
    await waitFor(() => paidDeliveries(paymentId).length === 4, 8_000);
    const times = paidDeliveries(paymentId).map((webhook) => webhook.receivedAt);
    // Waits of at least 1, 4 and 16 scaled minutes between the attempts.
    [1, 4, 16].forEach((minutes, index) => {
      expect((times[index + 1] ?? 0) - (times[index] ?? 0)).toBeGreaterThanOrEqual(minutes * MINUTE_MS - 5);
    });
    const ids = new Set(paidDeliveries(paymentId).map((webhook) => webhook.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const payment = await paymentClient(emulator).getPayment({ paymentId });
    const paidWebhook =
      "webhooks" in payment ? payment.webhooks?.find((webhook) => webhook.paymentStatus === "PAID") : undefined;
    expect(paidWebhook).toMatchObject({
      status: "SUCCEEDED",
      currentExecutionCount: 4,
      maxExecutionCount: 6,
      response: { code: "200" },
    });
    const log = await control(emulator, `/webhooks?paymentId=${paymentId}`, undefined, "GET");
    const outcomes = (log.body.attempts as { type: string; outcome: string }[]).filter(
      (entry) => entry.type === "Transaction.Paid",
    );
    expect(outcomes.map((entry) => entry.outcome)).toEqual(["500", "503", "404", "200"]);
  });

  it("treats a timeout as a failure and stops after six executions", async () => {
    const paymentId = `timeout-${Date.now()}`;
    paidReplies.set(paymentId, ["hang", 500, 500, 500, 500, 500, 500]);
    await payThroughCheckout(emulator, { paymentId });
    await waitFor(() => paidDeliveries(paymentId).length === 6, 15_000);
    await sleep(300);
    expect(paidDeliveries(paymentId)).toHaveLength(6);
    const log = await control(emulator, `/webhooks?paymentId=${paymentId}`, undefined, "GET");
    const outcomes = (log.body.attempts as { type: string; outcome: string }[]).filter(
      (entry) => entry.type === "Transaction.Paid",
    );
    expect(outcomes[0]?.outcome).toBe("timeout");
    const payment = await paymentClient(emulator).getPayment({ paymentId });
    const paidWebhook =
      "webhooks" in payment ? payment.webhooks?.find((webhook) => webhook.paymentStatus === "PAID") : undefined;
    expect(paidWebhook).toMatchObject({ status: "FAILED_NOT_OK_RESPONSE", currentExecutionCount: 6 });
  }, 20_000);
});

describe("API faults", () => {
  it("must name a payment or be explicitly global", async () => {
    expect((await control(emulator, "/faults/api", { kind: "error" })).status).toBe(400);
  });

  it("fail the next N calls about one payment with a 5xx, then recover", async () => {
    const client = paymentClient(emulator);
    const { paymentId } = await payThroughCheckout(emulator);
    const other = await payThroughCheckout(emulator);
    await control(emulator, "/faults/api", { paymentId, kind: "error", status: 503, count: 2 });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await client.getPayment({ paymentId }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GetPaymentError);
      expect((error as GetPaymentError).data.type).toBe("INTERNAL_SERVER_ERROR");
    }
    expect((await client.getPayment({ paymentId: other.paymentId })).status).toBe("PAID");
    expect((await client.getPayment({ paymentId })).status).toBe("PAID");
  });

  it("a 502 is PG_PROVIDER with the PG's pgCode and pgMessage, as PortOne's PgProviderError requires", async () => {
    const client = paymentClient(emulator);
    const { paymentId } = await payThroughCheckout(emulator);
    await control(emulator, "/faults/api", { paymentId, kind: "error", status: 502 });
    const error = await client.getPayment({ paymentId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GetPaymentError);
    expect((error as GetPaymentError).data).toMatchObject({
      type: "PG_PROVIDER",
      pgCode: expect.any(String),
      pgMessage: expect.any(String),
    });
  });

  it("hit only the endpoint they name, leaving other calls about the payment alone", async () => {
    const client = paymentClient(emulator);
    const { paymentId } = await payThroughCheckout(emulator);
    await control(emulator, "/faults/api", {
      paymentId,
      kind: "error",
      status: 503,
      endpoint: "POST /payments/{paymentId}/cancel",
    });
    expect((await client.getPayment({ paymentId })).status).toBe("PAID");
    const error = await client.cancelPayment({ paymentId, reason: "test" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CancelPaymentError);
    expect((await client.getPayment({ paymentId })).status).toBe("PAID");
    expect((await client.cancelPayment({ paymentId, reason: "test" })).cancellation.status).toBe("SUCCEEDED");
  });

  it("hang a call for T ms before answering normally, globally when asked", async () => {
    const client = paymentClient(emulator);
    const { paymentId } = await payThroughCheckout(emulator);
    await control(emulator, "/faults/api", { global: true, kind: "hang", hangMs: 400, count: 1 });
    const started = Date.now();
    expect((await client.getPayment({ paymentId })).status).toBe("PAID");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    const aborted = await fetch(`${emulator.url}/payments/${paymentId}`, {
      headers: { Authorization: `PortOne ${emulator.config.apiSecret}` },
      signal: AbortSignal.timeout(100),
    }).then(
      () => "answered",
      () => "timed out",
    );
    expect(aborted).toBe("answered");
  });
});

describe("webhook faults", () => {
  const typesOf = (paymentId: string) => receiver.forPayment(paymentId).map((webhook) => webhook.type);

  it("drop: the next webhook of the payment never arrives", async () => {
    const paymentId = `drop-${Date.now()}`;
    await control(emulator, "/faults/webhooks", { paymentId, mode: "drop", count: 1 });
    await payThroughCheckout(emulator, { paymentId });
    await waitFor(() => typesOf(paymentId).includes("Transaction.Paid"));
    expect(typesOf(paymentId)).toEqual(["Transaction.Paid"]);
    const log = await control(emulator, `/webhooks?paymentId=${paymentId}`, undefined, "GET");
    expect(log.body.attempts).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "Transaction.Ready", outcome: "dropped" })]),
    );
  });

  it("duplicate: the same message (same webhook-id) arrives twice", async () => {
    const paymentId = `dup-${Date.now()}`;
    await control(emulator, "/faults/webhooks", { paymentId, mode: "duplicate", count: 1 });
    await payThroughCheckout(emulator, { paymentId });
    await waitFor(() => typesOf(paymentId).length === 3);
    const ready = receiver.forPayment(paymentId).filter((webhook) => webhook.type === "Transaction.Ready");
    expect(ready).toHaveLength(2);
    expect(ready[0]?.headers["webhook-id"]).toBe(ready[1]?.headers["webhook-id"]);
  });

  it("reorder: a held message arrives after the next one", async () => {
    const paymentId = `reorder-${Date.now()}`;
    await control(emulator, "/faults/webhooks", { paymentId, mode: "reorder", count: 1 });
    await payThroughCheckout(emulator, { paymentId });
    await waitFor(() => typesOf(paymentId).length === 2);
    expect(typesOf(paymentId)).toEqual(["Transaction.Paid", "Transaction.Ready"]);
  });

  it("delay: the first attempt waits delayMs", async () => {
    const paymentId = `delay-${Date.now()}`;
    await control(emulator, "/faults/webhooks", { paymentId, mode: "delay", delayMs: 300, count: 1 });
    const started = Date.now();
    await payThroughCheckout(emulator, { paymentId });
    const ready = await waitFor(() =>
      receiver.forPayment(paymentId).find((webhook) => webhook.type === "Transaction.Ready"),
    );
    expect(ready.receivedAt - started).toBeGreaterThanOrEqual(290);
  });
});
