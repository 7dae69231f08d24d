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

/** A virtual account issued and looked at by its pages `looks` times, then paid at PortOne with no webhook to tell us. */
async function depositedUnheard(email: string, looks = 1) {
  const userId = await newUser(email);
  const paymentId = await payAtPortOne(suite, userId, { payOptionId: "virtual_account", outcome: "issue" });
  for (let look = 0; look < looks; look++) expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
  await depositAtPortOne(suite, paymentId);
  return { userId, paymentId };
}

describe("page views of an open payment ask PortOne at a backed-off pace", () => {
  it("the first ten looks are free", async () => {
    const { userId, paymentId } = await depositedUnheard("pace-free@example.com", 9);
    expect(await view(userId, paymentId)).toBe("PAID");
  });

  it("after them a view within 5 s of the last look shows our row without asking PortOne; one later asks", async () => {
    const { userId, paymentId } = await depositedUnheard("pace-first@example.com", 10);
    // PortOne has the deposit, but the last look was just now: our row is shown as it is.
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    await lastLooked(paymentId, 4, 10);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    await lastLooked(paymentId, 6, 10);
    expect(await view(userId, paymentId)).toBe("PAID");
  });

  it("the wait doubles with each further look, up to 5 minutes", async () => {
    const { userId, paymentId } = await depositedUnheard("pace-backoff@example.com", 10);
    // After 12 looks the next waits 20 s.
    await lastLooked(paymentId, 19, 12);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    // After 30 looks it would be 5 × 2^20 s, but never more than 300 s.
    await lastLooked(paymentId, 290, 30);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    await lastLooked(paymentId, 301, 30);
    expect(await view(userId, paymentId)).toBe("PAID");
  });

  it("a virtual account past its due date is looked up at once, and ends", async () => {
    const { db } = await import("@/db");
    const { payments } = await import("@/db/schema");
    const { eq, sql } = await import("drizzle-orm");
    const userId = await newUser("pace-overdue@example.com");
    const paymentId = await payAtPortOne(suite, userId, { payOptionId: "virtual_account", outcome: "issue" });
    for (let look = 0; look < 10; look++) expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    const expired = await fetch(`${suite.emulator.url}/__emulator/payments/${paymentId}/expire-virtual-account`, {
      method: "POST",
    });
    expect(expired.ok).toBe(true);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED"); // paced: our row still says it is open
    // Its due date, as our row has it, passes.
    await db
      .update(payments)
      .set({
        virtualAccount: sql`jsonb_set(${payments.virtualAccount}, '{dueAt}', to_jsonb(now() - interval '1 minute'))`,
      })
      .where(eq(payments.id, paymentId));
    expect(await view(userId, paymentId)).toBe("EXPIRED");
  });

  it("the webhook still moves the row at once", async () => {
    const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
    const { userId, paymentId } = await depositedUnheard("pace-webhook@example.com", 10);
    expect(await view(userId, paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");
    expect(await processWebhook({ webhookId: `wh-pace-${paymentId}`, type: "Transaction.Paid", paymentId })).toBe(
      "processed",
    );
    expect(await view(userId, paymentId)).toBe("PAID");
  });
});
