import { describe, expect, it } from "vitest";
import {
  depositAtPortOne,
  domainSuite,
  failPortOneCalls,
  newUser,
  payAtPortOne,
  pointsOf,
  portOneView,
  statusOf,
} from "../support/domain";

const suite = domainSuite();

describe("syncPayment", () => {
  it("credits a paid payment exactly once, however many syncs run at the same time", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("sync-concurrent@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-10000" });

    // The browser, the redirect page, webhooks and the reconciler may all sync at once.
    const results = await Promise.all(Array.from({ length: 10 }, () => syncPayment(paymentId)));
    expect(results.map((result) => result.ok && result.status)).toEqual(Array(10).fill("PAID"));
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 10_000, bonus: 300 },
      entries: [["charge", 10_000, 300]],
      violations: [],
    });
    expect((await statusOf(paymentId))?.status).toBe("PAID");

    await syncPayment(paymentId);
    expect((await pointsOf(userId)).entries).toHaveLength(1);
  });

  it.each([
    { what: "card the company declined", outcome: "decline" as const, reason: "카드사에서 승인을 거절했습니다" },
    { what: "window the customer closed", outcome: "cancel" as const, reason: "사용자가 결제를 취소하였습니다" },
  ])("records a $what as FAILED with PortOne's reason and credits nothing", async ({ outcome, reason }) => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser(`sync-${outcome}@example.com`);
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-5000", outcome });

    await syncPayment(paymentId);
    const row = await statusOf(paymentId);
    expect(row?.status).toBe("FAILED");
    expect(row?.failureReason).toContain(reason);
    expect(await pointsOf(userId)).toEqual({ balance: { paid: 0, bonus: 0 }, entries: [], violations: [] });
    expect(await portOneView(suite, paymentId)).toMatchObject({ status: "FAILED" });
  });

  it("shows an issued virtual account without points, and credits the deposit once it arrives", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("sync-virtual-account@example.com");
    const paymentId = await payAtPortOne(suite, userId, {
      packageId: "points-10000",
      payOptionId: "virtual_account",
      outcome: "issue",
    });

    await syncPayment(paymentId);
    const issued = await statusOf(paymentId);
    expect(issued?.status).toBe("VIRTUAL_ACCOUNT_ISSUED");
    expect(issued?.virtualAccount).toMatchObject({
      bank: expect.any(String),
      accountNumber: expect.stringMatching(/\d/),
    });
    expect((await pointsOf(userId)).entries).toEqual([]);

    await depositAtPortOne(suite, paymentId);
    await syncPayment(paymentId);
    expect((await statusOf(paymentId))?.status).toBe("PAID");
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 10_000, bonus: 300 },
      entries: [["charge", 10_000, 300]],
      violations: [],
    });
  });

  it("changes nothing while PortOne cannot be asked, and completes on a later sync", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("sync-lookup-fails@example.com");
    const paymentId = await payAtPortOne(suite, userId, { packageId: "points-1000" });
    // A lookup is tried three times (PORTONE_READ_RETRIES, default 2): PortOne fails all of them.
    await failPortOneCalls(suite, paymentId, 3, "GET /payments/{paymentId}");

    await expect(syncPayment(paymentId)).rejects.toThrow();
    expect((await statusOf(paymentId))?.status).toBe("PENDING");
    expect((await pointsOf(userId)).entries).toEqual([]);

    await syncPayment(paymentId);
    expect((await statusOf(paymentId))?.status).toBe("PAID");
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 1_000, bonus: 0 },
      entries: [["charge", 1_000, 0]],
      violations: [],
    });
  });

  it("rejects a payment of another amount than the order's, credits nothing and gives the money back", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("sync-amount-tampered@example.com");
    // A hostile browser pays 100 won for the 10,000 points package, and PortOne does not stop it.
    const paymentId = await payAtPortOne(suite, userId, {
      packageId: "points-10000",
      forgetPreRegisteredAmount: true,
      tamper: (request) => ({ ...request, totalAmount: 100 }),
    });
    expect(await portOneView(suite, paymentId)).toMatchObject({ status: "PAID", total: 100 });

    await syncPayment(paymentId);
    const row = await statusOf(paymentId);
    expect(row?.status).toBe("REJECTED");
    expect(row?.failureReason).toContain("amount 100 differs from 10000");
    expect(await portOneView(suite, paymentId)).toEqual({ status: "CANCELLED", total: 100, cancelled: 100 });

    await syncPayment(paymentId);
    expect((await statusOf(paymentId))?.status).toBe("REJECTED");
    expect(await pointsOf(userId)).toEqual({ balance: { paid: 0, bonus: 0 }, entries: [], violations: [] });
  });
});
