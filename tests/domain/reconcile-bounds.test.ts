import { beforeAll, describe, expect, it } from "vitest";
import { domainSuite, newUser, paidCharge, payAtPortOne, statusOf } from "../support/domain";

const suite = domainSuite();

beforeAll(() => {
  // Short enough for a test to see a lease lapse; renewed every second.
  process.env.RECONCILE_LEASE_SECONDS = "3";
});

async function leaseRow() {
  const { db } = await import("@/db");
  const { maintenanceJobs } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [row] = await db.select().from(maintenanceJobs).where(eq(maintenanceJobs.name, "reconcile"));
  return row;
}

/** Another run (on another instance) holds the lease for `seconds`. */
async function leaseHeldElsewhere(seconds: number) {
  const { db } = await import("@/db");
  const { maintenanceJobs } = await import("@/db/schema");
  const { sql } = await import("drizzle-orm");
  const until = sql`clock_timestamp() + ${`${seconds} seconds`}::interval`;
  await db
    .insert(maintenanceJobs)
    .values({ name: "reconcile", leaseHolder: "other-instance:1:run", leaseUntil: until })
    .onConflictDoUpdate({
      target: maintenanceJobs.name,
      set: { leaseHolder: "other-instance:1:run", leaseUntil: until },
    });
}

describe("one reconciliation at a time", () => {
  it("refuses to start while another run holds the lease, and starts once it lapses", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { JobBusyError } = await import("@/lib/maintenance/lease");
    await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(await leaseRow()).toMatchObject({ leaseHolder: null, leaseUntil: null });

    // A run on another instance that died without giving the lease back.
    await leaseHeldElsewhere(1);
    await expect(reconcile({ staleAfterMinutes: 30, windowHours: 1 })).rejects.toBeInstanceOf(JobBusyError);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(summary.errors).toEqual([]);
    expect(await leaseRow()).toMatchObject({ leaseHolder: null });
  });

  it("stops where it is when its lease lapsed and another run took it over", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { db } = await import("@/db");
    const { payments } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const userId = await newUser("reconcile-lease-lost@example.com");
    const hung = await payAtPortOne(suite, userId);
    const paidLater = await payAtPortOne(suite, userId);
    await db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 40 * 60_000) })
      .where(eq(payments.id, hung));
    // PortOne takes 4 s to answer for the first stale payment: longer than the lease lives unrenewed.
    const response = await fetch(`${suite.emulator.url}/__emulator/faults/api`, {
      method: "POST",
      body: JSON.stringify({ paymentId: hung, kind: "hang", hangMs: 4_000, count: 1 }),
    });
    expect(response.ok).toBe(true);

    const running = reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Its lease lapsed (the process was stalled) and another instance's run took it.
    await leaseHeldElsewhere(60);
    const summary = await running;

    expect(summary.errors).toContainEqual({ subject: "lease", message: expect.stringContaining("lost") });
    // The work it had started was finished; the PortOne list, a later step, was left to the other run.
    expect((await statusOf(hung))?.status).toBe("PAID");
    expect((await statusOf(paidLater))?.status).toBe("PENDING");
    expect(summary.checked.portonePayments).toBe(0);
    // It gave back nothing that was not its own.
    expect(await leaseRow()).toMatchObject({ leaseHolder: "other-instance:1:run" });
    await leaseHeldElsewhere(0);
  });
});

describe("PortOne's list", () => {
  it("is walked to its end however small the pages, each payment once", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const userId = await newUser("reconcile-list-pages@example.com");
    // Paid at PortOne; every webhook and the buyer's return were lost.
    const lost: string[] = [];
    for (let i = 0; i < 11; i++) lost.push(await payAtPortOne(suite, userId));
    // A page that fails once on the way is asked again, and the walk goes on.
    const fault = await fetch(`${suite.emulator.url}/__emulator/faults/api`, {
      method: "POST",
      body: JSON.stringify({ global: true, kind: "error", status: 503, count: 1, endpoint: "GET /payments" }),
    });
    expect(fault.ok).toBe(true);

    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1, listPageSize: 3 });
    expect(summary.errors).toEqual([]);
    const credited = summary.changes.filter((change) => lost.includes(change.paymentId));
    expect(credited.map((change) => change.paymentId).sort()).toEqual([...lost].sort());
    expect(credited.every((change) => change.from === "PENDING" && change.to === "PAID")).toBe(true);
    expect(summary.checked.portonePayments).toBeGreaterThanOrEqual(lost.length);

    const again = await reconcile({ staleAfterMinutes: 30, windowHours: 1, listPageSize: 3 });
    expect(again.changes).toEqual([]);
  });
});

describe("the summary", () => {
  it("lists at most the report limit of each kind and counts the rest, all of which were done", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const userId = await newUser("reconcile-report-limit@example.com");
    const lost: string[] = [];
    for (let i = 0; i < 7; i++) lost.push(await payAtPortOne(suite, userId));

    const summary = await reconcile({ staleAfterMinutes: 30, windowHours: 1, reportLimit: 3 });
    expect(summary.changes).toHaveLength(3);
    expect(summary.omitted).toEqual({ changes: 4 });
    for (const paymentId of lost) expect((await statusOf(paymentId))?.status).toBe("PAID");
  });
});

describe("the ledger check", () => {
  it("covers the users touched since the last clean check, and everyone on demand", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { db } = await import("@/db");
    const { pointEntries, users } = await import("@/db/schema");
    const { eq, sql } = await import("drizzle-orm");
    const { userId } = await paidCharge(suite, "reconcile-ledger@example.com");
    // The charge was an hour ago: well before the incremental check's grace for late commits.
    await db
      .update(pointEntries)
      .set({ createdAt: sql`${pointEntries.createdAt} - interval '1 hour'` })
      .where(eq(pointEntries.userId, userId));
    const first = await reconcile({ staleAfterMinutes: 30, windowHours: 1, fullLedgerCheck: true });
    expect(first.ledgerCheck).toEqual({ scope: "full", since: null });
    expect(first.ledgerViolations).toEqual([]);

    // A balance changed by hand, with no ledger entry: the incremental check does not look at an
    // untouched user; a full check does.
    const tamper = (points: number) =>
      db
        .update(users)
        .set({ paidBalance: sql`${users.paidBalance} + ${points}` })
        .where(eq(users.id, userId));
    await tamper(1);
    const incremental = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(incremental.ledgerCheck).toMatchObject({ scope: "touched", since: expect.any(String) });
    expect(incremental.ledgerViolations).toEqual([]);
    const full = await reconcile({ staleAfterMinutes: 30, windowHours: 1, fullLedgerCheck: true });
    expect(full.ledgerViolations).toEqual([{ userId, problem: "balance differs from the sum of entries" }]);
    // Found once, the user is checked by every run, and reported until the balance is repaired.
    for (let run = 0; run < 2; run++) {
      const again = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
      expect(again.ledgerCheck.scope).toBe("touched");
      expect(again.ledgerViolations).toEqual([{ userId, problem: "balance differs from the sum of entries" }]);
    }
    await tamper(-1);
    expect((await reconcile({ staleAfterMinutes: 30, windowHours: 1 })).ledgerViolations).toEqual([]);

    // A user whose ledger moves is checked again, whatever was remembered.
    const charged = await payAtPortOne(suite, userId);
    expect(await syncPayment(charged)).toMatchObject({ ok: true, status: "PAID" });
    await tamper(1);
    const touched = await reconcile({ staleAfterMinutes: 30, windowHours: 1 });
    expect(touched.ledgerCheck.scope).toBe("touched");
    expect(touched.ledgerViolations).toEqual([{ userId, problem: "balance differs from the sum of entries" }]);
    await tamper(-1);
    expect((await reconcile({ staleAfterMinutes: 30, windowHours: 1 })).ledgerViolations).toEqual([]);
  });
});
