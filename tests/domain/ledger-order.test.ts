import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { domainSuite, newUser } from "../support/domain";

domainSuite();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("the ledger's order", () => {
  it("follows the order entries were applied, also when the transaction that waited for the lock began first", async () => {
    const { db } = await import("@/db");
    const { appendLedgerEntry } = await import("@/lib/points/ledger");
    const { findLedgerViolations } = await import("@/lib/points/invariant");
    const { listLedgerEntries } = await import("@/lib/points/history");
    const userId = await newUser("order@example.com");
    await db.transaction((tx) =>
      appendLedgerEntry(tx, { userId, kind: "charge", reference: "order-charge", paidDelta: 1_000, bonusDelta: 0 }),
    );

    const lateStarterBegan = deferred();
    const firstHoldsLock = deferred();
    // Begins first (its transaction time is fixed by its first statement), then waits for the lock.
    const lateStarter = db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      lateStarterBegan.resolve();
      await firstHoldsLock.promise;
      await appendLedgerEntry(tx, { userId, kind: "spend", reference: "order-second", paidDelta: -300, bonusDelta: 0 });
    });
    await lateStarterBegan.promise;
    await sleep(20);
    const first = db.transaction(async (tx) => {
      await appendLedgerEntry(tx, { userId, kind: "spend", reference: "order-first", paidDelta: -200, bonusDelta: 0 });
      firstHoldsLock.resolve();
      await sleep(150);
    });
    await Promise.all([first, lateStarter]);

    expect(await findLedgerViolations()).toEqual([]);
    const { items } = await listLedgerEntries(userId, undefined);
    expect(items.map((entry) => [entry.reference, entry.paidBalanceAfter])).toEqual([
      ["order-second", 500],
      ["order-first", 800],
      ["order-charge", 1_000],
    ]);
    // The written time follows the same order: the entry that waited was written last.
    expect(items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(items[1]!.createdAt.getTime());
  });

  it("pages through the history in that order without skipping or repeating an entry", async () => {
    const { db } = await import("@/db");
    const { appendLedgerEntry } = await import("@/lib/points/ledger");
    const { listLedgerEntries } = await import("@/lib/points/history");
    const userId = await newUser("pages@example.com");
    for (let index = 0; index < 23; index++) {
      await db.transaction((tx) =>
        appendLedgerEntry(tx, { userId, kind: "adjust", reference: `pages-${index}`, paidDelta: 0, bonusDelta: 10 }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listLedgerEntries(userId, cursor);
      seen.push(...page.items.map((entry) => entry.reference));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, index) => `pages-${22 - index}`));
    // A damaged cursor shows the first page.
    expect((await listLedgerEntries(userId, "not-a-cursor")).items[0]?.reference).toBe("pages-22");
  });
});
