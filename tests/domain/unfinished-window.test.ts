import { describe, expect, it } from "vitest";
import { domainSuite, newUser, pointsOf, portOneView, statusOf } from "../support/domain";

const suite = domainSuite();

async function startCheckout(userId: string): Promise<string> {
  const { createCheckout } = await import("@/lib/payments/checkout/create-checkout");
  const checkout = await createCheckout({
    userId,
    packageId: "points-10000",
    payOptionId: "card",
    customer: { name: "테스트", email: null },
  });
  if (!checkout.ok) throw new Error(`checkout refused: ${checkout.code}`);
  return checkout.checkout.paymentId;
}

/** PortOne's window opens for the payment (READY at PortOne) and is left unanswered; returns its txId. */
async function openWindow(paymentId: string, userId: string): Promise<string> {
  const { db } = await import("@/db");
  const { payments } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
  const opened = await fetch(`${suite.emulator.url}/checkout-api/payments`, {
    method: "POST",
    body: JSON.stringify({
      request: {
        storeId: suite.emulator.config.storeId,
        channelKey: row!.channelKey,
        paymentId,
        orderName: row!.orderName,
        totalAmount: row!.amount,
        currency: "KRW",
        payMethod: "CARD",
        customer: { customerId: userId },
      },
      mode: "IFRAME",
      parentOrigin: "http://localhost:3000",
    }),
  });
  const { txId } = (await opened.json()) as { txId?: string };
  if (!opened.ok || !txId) throw new Error(`PortOne's window refused the request (${opened.status})`);
  return txId;
}

describe("a window the buyer never completed", () => {
  it("expires at once when the buyer is back, whether PortOne never saw it or only saw it opened", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("unfinished-never-opened@example.com");
    const neverOpened = await startCheckout(userId);
    const openedOnly = await startCheckout(userId);
    await openWindow(openedOnly, userId);
    expect(await portOneView(suite, openedOnly)).toMatchObject({ status: "READY" });

    // Without the buyer's word (a webhook, a sync while the window may be open) nothing expires.
    await syncPayment(openedOnly);
    expect((await statusOf(openedOnly))?.status).toBe("PENDING");

    for (const paymentId of [neverOpened, openedOnly]) {
      const result = await syncPayment(paymentId, { abandoned: true });
      expect(result).toMatchObject({ ok: true, status: "EXPIRED", previousStatus: "PENDING" });
    }
    expect(await pointsOf(userId)).toEqual({ balance: { paid: 0, bonus: 0 }, entries: [], violations: [] });
  });

  it("is still credited, once, when PortOne completes it after the buyer backed out", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const userId = await newUser("unfinished-paid-late@example.com");
    const paymentId = await startCheckout(userId);
    const txId = await openWindow(paymentId, userId);
    await syncPayment(paymentId, { abandoned: true });
    expect((await statusOf(paymentId))?.status).toBe("EXPIRED");

    // The payment went through in the window after all; its webhook syncs it (twice, as retries do).
    const answered = await fetch(`${suite.emulator.url}/checkout/${txId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ outcome: "approve" }).toString(),
    });
    expect(answered.ok).toBe(true);
    await syncPayment(paymentId);
    await syncPayment(paymentId, { abandoned: true });
    expect((await statusOf(paymentId))?.status).toBe("PAID");
    expect((await pointsOf(userId)).entries).toEqual([["charge", 10_000, 300]]);
  });
});

describe("reconcile", () => {
  it("ends within minutes a window that never reached PortOne, and leaves an opened one to the buyer", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { db } = await import("@/db");
    const { payments } = await import("@/db/schema");
    const { inArray } = await import("drizzle-orm");
    const userId = await newUser("unfinished-reconcile@example.com");
    const neverOpened = await startCheckout(userId);
    const opened = await startCheckout(userId);
    await openWindow(opened, userId);
    const tooYoung = await startCheckout(userId);
    await db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 6 * 60_000) })
      .where(inArray(payments.id, [neverOpened, opened]));

    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(summary.changes).toContainEqual({ paymentId: neverOpened, from: "PENDING", to: "EXPIRED" });
    expect((await statusOf(neverOpened))?.status).toBe("EXPIRED");
    expect((await statusOf(opened))?.status).toBe("PENDING");
    expect((await statusOf(tooYoung))?.status).toBe("PENDING");
  });
});

describe("reconciliation in keyset pages", () => {
  it("walks every stale row however small its pages, each once", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { db } = await import("@/db");
    const { payments } = await import("@/db/schema");
    const { inArray } = await import("drizzle-orm");
    const userId = await newUser("reconcile-pages@example.com");
    const stale: string[] = [];
    for (let i = 0; i < 7; i++) stale.push(await startCheckout(userId));
    await db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 40 * 60_000) })
      .where(inArray(payments.id, stale));

    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1, batchSize: 3 });
    const expired = summary.changes.filter((change) => stale.includes(change.paymentId));
    expect(expired.map((change) => change.paymentId).sort()).toEqual([...stale].sort());
    expect(expired.every((change) => change.to === "EXPIRED")).toBe(true);
    expect(summary.checked.stalePending).toBeGreaterThanOrEqual(7);
  });
});

describe("watchOwnPayment", () => {
  it("changes its version when the payment settles and the balance moves, and is the owner's only", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { watchOwnPayment } = await import("@/lib/payments/watch");
    const userId = await newUser("watch-owner@example.com");
    const otherId = await newUser("watch-other@example.com");
    const paymentId = await startCheckout(userId);
    const txId = await openWindow(paymentId, userId);

    const before = await watchOwnPayment(userId, paymentId);
    expect(before?.status).toBe("PENDING");
    expect(await watchOwnPayment(otherId, paymentId)).toBeNull();
    expect(await watchOwnPayment(userId, "pc-no-such-payment")).toBeNull();

    await fetch(`${suite.emulator.url}/checkout/${txId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ outcome: "approve" }).toString(),
    });
    expect((await watchOwnPayment(userId, paymentId))?.version).toBe(before?.version);
    await syncPayment(paymentId);
    const after = await watchOwnPayment(userId, paymentId);
    expect(after?.status).toBe("PAID");
    expect(after?.version).not.toBe(before?.version);
  });
});
