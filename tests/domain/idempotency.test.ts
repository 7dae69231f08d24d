import { describe, expect, it } from "vitest";
import { domainSuite, newUser, pointsOf } from "../support/domain";

domainSuite();

/** A user with 1,000 paid points, and the spend API's work under an idempotency key, counting how often it runs. */
async function spendService(userId: string) {
  const { db } = await import("@/db");
  const { appendLedgerEntry } = await import("@/lib/points/ledger");
  const { spendPoints } = await import("@/lib/points/spend");
  const { oncePerKey } = await import("@/lib/service/idempotency");
  const charge = {
    userId,
    kind: "charge" as const,
    reference: `idem-charge-${userId}`,
    paidDelta: 1_000,
    bonusDelta: 0,
  };
  await db.transaction((tx) => appendLedgerEntry(tx, charge));
  let runs = 0;
  const call = (key: string, amount: number) =>
    oncePerKey(key, { userId, amount }, async (tx) => {
      runs++;
      const result = await spendPoints({ userId, amount, reference: `api-${key}`, memo: "호스트 앱 구매" }, tx);
      return { status: result.ok ? 200 : 409, body: { balance: result.balance.total } };
    });
  return { call, runs: () => runs };
}

describe("idempotency keys (oncePerKey)", () => {
  it("replay the stored answer to the same request without doing the work again", async () => {
    const userId = await newUser("idem-replay@example.com");
    const service = await spendService(userId);
    const first = await service.call("idem-replay-key", 300);
    expect(first).toEqual({ status: 200, body: { balance: 700 } });

    expect(await service.call("idem-replay-key", 300)).toEqual(first);
    expect(service.runs()).toBe(1);
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 700, bonus: 0 },
      entries: [
        ["charge", 1_000, 0],
        ["spend", -300, 0],
      ],
      violations: [],
    });
  });

  it("refuse the same key with another request, which changes nothing", async () => {
    const userId = await newUser("idem-other-body@example.com");
    const service = await spendService(userId);
    await service.call("idem-other-body-key", 300);

    await expect(service.call("idem-other-body-key", 500)).rejects.toMatchObject({ status: 409 });
    expect(service.runs()).toBe(1);
    expect((await pointsOf(userId)).balance).toEqual({ paid: 700, bonus: 0 });
    // The first request's answer is still the one stored.
    expect(await service.call("idem-other-body-key", 300)).toEqual({ status: 200, body: { balance: 700 } });
  });

  it("do the work once when the same request arrives several times at once", async () => {
    const userId = await newUser("idem-concurrent@example.com");
    const service = await spendService(userId);
    const answers = await Promise.all(Array.from({ length: 5 }, () => service.call("idem-concurrent-key", 400)));

    expect(answers).toEqual(Array(5).fill({ status: 200, body: { balance: 600 } }));
    expect(service.runs()).toBe(1);
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 600, bonus: 0 },
      entries: [
        ["charge", 1_000, 0],
        ["spend", -400, 0],
      ],
      violations: [],
    });
  });

  it("keep nothing when the work fails, so a retry does it", async () => {
    const { oncePerKey } = await import("@/lib/service/idempotency");
    const userId = await newUser("idem-crash@example.com");
    const service = await spendService(userId);
    await expect(
      oncePerKey("idem-crash-key", { userId, amount: 200 }, async () => {
        throw new Error("the process died mid-request");
      }),
    ).rejects.toThrow();

    expect(await service.call("idem-crash-key", 200)).toEqual({ status: 200, body: { balance: 800 } });
    expect((await pointsOf(userId)).balance).toEqual({ paid: 800, bonus: 0 });
  });
});
