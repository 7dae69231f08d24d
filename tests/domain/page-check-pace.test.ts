import { describe, expect, it } from "vitest";
import { depositAtPortOne, domainSuite, newUser, payAtPortOne } from "../support/domain";

const suite = domainSuite();

/** What a page view shows: the payment as loadOwnPaymentFresh gives it to the result and detail pages. */
async function view(userId: string, paymentId: string) {
  const { loadOwnPaymentFresh } = await import("@/lib/payments/sync/load-fresh");
  return (await loadOwnPaymentFresh(userId, paymentId))?.payment.status;
}

/** The last page look at PortOne happened `seconds` ago, after `checks` looks. */
async function lastLooked(paymentId: string, seconds: number, checks?: number) {
  const { db } = await import("@/db");
  const { payments } = await import("@/db/schema");
  const { eq, sql } = await import("drizzle-orm");
  await db
    .update(payments)
    .set({
      pageCheckedAt: sql`now() - ${seconds} * interval '1 second'`,
      ...(checks === undefined ? {} : { pageChecks: checks }),
    })
    .where(eq(payments.id, paymentId));
}

/** A virtual account issued, seen once by its page, then paid at PortOne with no webhook to tell us. */
async function depositedUnheard(email: string) {
  const userId = await newUser(email);
  const paymentId = await payAtPortOne(suite, userId, { payOptionId: "virtual_account", outcome: "issue" });
  expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
  await depositAtPortOne(suite, paymentId);
  return { userId, paymentId };
}

describe("page views of an open payment ask PortOne at a backed-off pace", () => {
  it("a view right after another shows our row without asking PortOne; one 5 s later asks", async () => {
    const { userId, paymentId } = await depositedUnheard("pace-first@example.com");
    // PortOne has the deposit, but the previous look was just now: our row is shown as it is.
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");

    await lastLooked(paymentId, 4);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    await lastLooked(paymentId, 6);
    expect(await view(userId, paymentId)).toBe("PAID");
  });

  it("the wait doubles with each look, up to 5 minutes", async () => {
    const { userId, paymentId } = await depositedUnheard("pace-backoff@example.com");
    // After 3 looks the next waits 20 s.
    await lastLooked(paymentId, 19, 3);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    // After 12 looks it would be 5 × 2^11 s, but never more than 300 s.
    await lastLooked(paymentId, 290, 12);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    await lastLooked(paymentId, 301, 12);
    expect(await view(userId, paymentId)).toBe("PAID");
  });

  it("the webhook still moves the row at once, and a final payment is never looked up again", async () => {
    const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
    const { userId, paymentId } = await depositedUnheard("pace-webhook@example.com");
    expect(await processWebhook({ webhookId: `wh-pace-${paymentId}`, type: "Transaction.Paid", paymentId })).toBe(
      "processed",
    );
    expect(await view(userId, paymentId)).toBe("PAID");
  });
});
