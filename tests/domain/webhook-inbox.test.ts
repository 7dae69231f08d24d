import { describe, expect, it } from "vitest";
import {
  cancelInPortOneConsole,
  domainSuite,
  failPortOneCalls,
  newUser,
  payAtPortOne,
  pointsOf,
  statusOf,
} from "../support/domain";

const suite = domainSuite();

async function deliver(webhookId: string, paymentId: string | null, type = "Transaction.Paid") {
  const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
  return processWebhook({ webhookId, type, paymentId });
}

async function recorded(webhookId: string) {
  const { db } = await import("@/db");
  const { webhookEvents } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const rows = await db
    .select({ outcome: webhookEvents.outcome })
    .from(webhookEvents)
    .where(eq(webhookEvents.webhookId, webhookId));
  return rows.map((row) => row.outcome);
}

describe("the webhook inbox (processWebhook)", () => {
  it("ignores a payment that is not ours without asking PortOne, even when PortOne fails for it", async () => {
    await failPortOneCalls(suite, "pc-not-ours", 3, "GET /payments/{paymentId}");
    expect(await deliver("wh-not-ours", "pc-not-ours")).toBe("ignored");
    expect(await recorded("wh-not-ours")).toEqual(["ignored"]);
    // A dot segment would turn PortOne's lookup URL into another route.
    expect(await deliver("wh-dot-segment", ".")).toBe("ignored");
    expect(await deliver("wh-dot-dot-segment", "..")).toBe("ignored");
  });

  it("acknowledges a redelivered webhook id without doing the work again", async () => {
    const userId = await newUser("inbox-duplicate@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-5000" });
    expect(await deliver("wh-duplicate-paid", paymentId)).toBe("processed");
    expect((await pointsOf(userId)).balance).toEqual({ paid: 5_000, bonus: 0 });

    // Had the redelivery synced, it would have taken back the cancellation made meanwhile.
    await cancelInPortOneConsole(suite, paymentId);
    expect(await deliver("wh-duplicate-paid", paymentId)).toBe("duplicate");
    expect((await statusOf(paymentId))?.status).toBe("PAID");
    expect((await pointsOf(userId)).balance).toEqual({ paid: 5_000, bonus: 0 });

    // The cancellation's own webhook is new work.
    expect(await deliver("wh-duplicate-cancelled", paymentId, "Transaction.Cancelled")).toBe("processed");
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 0, bonus: 0 },
      entries: [
        ["charge", 5_000, 0],
        ["external_cancel", -5_000, 0],
      ],
      violations: [],
    });
  });

  it("processes a webhook whose processing failed again on redelivery, and credits once", async () => {
    const userId = await newUser("inbox-failed@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-1000" });
    // A lookup is tried three times (PORTONE_READ_RETRIES, default 2): PortOne fails all of them.
    await failPortOneCalls(suite, paymentId, 3, "GET /payments/{paymentId}");

    // The route answers 5xx so that PortOne delivers it again.
    await expect(deliver("wh-failed-paid", paymentId)).rejects.toThrow();
    expect(await recorded("wh-failed-paid")).toEqual(["failed"]);
    expect((await pointsOf(userId)).entries).toEqual([]);

    expect(await deliver("wh-failed-paid", paymentId)).toBe("processed");
    expect(await deliver("wh-failed-paid", paymentId)).toBe("duplicate");
    expect(await recorded("wh-failed-paid")).toEqual(["processed"]);
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 1_000, bonus: 0 },
      entries: [["charge", 1_000, 0]],
      violations: [],
    });
  });

  it("credits once when the same webhook arrives several times at once", async () => {
    const userId = await newUser("inbox-concurrent@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-10000" });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliver("wh-concurrent-paid", paymentId)));

    expect(outcomes).toContain("processed");
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 10_000, bonus: 300 },
      entries: [["charge", 10_000, 300]],
      violations: [],
    });
  });

  it("ignores a webhook about a payment the app does not have, and one about no payment", async () => {
    const { db } = await import("@/db");
    const { payments } = await import("@/db/schema");
    const { count } = await import("drizzle-orm");
    const [before] = await db.select({ rows: count() }).from(payments);

    expect(await deliver("wh-unknown-payment", "pay-nobody-knows")).toBe("ignored");
    expect(await deliver("wh-billing-key", null, "BillingKey.Issued")).toBe("ignored");
    expect(await deliver("wh-unknown-payment", "pay-nobody-knows")).toBe("duplicate");
    expect(await recorded("wh-unknown-payment")).toEqual(["ignored"]);
    expect(await db.select({ rows: count() }).from(payments)).toEqual([before]);
  });
});

describe("the V1 notice route on a V2 store", () => {
  it("answers 404 and looks nothing up: a V2 store hears V1 notices from nobody", async () => {
    const { POST } = await import("@/app/api/webhooks/portone-v1/route");
    const response = await POST(
      new Request("http://localhost:3000/api/webhooks/portone-v1", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ imp_uid: "imp_123", merchant_uid: "pc-1", status: "paid" }),
      }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "v1_webhooks_disabled" });
  });
});
