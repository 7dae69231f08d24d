import { describe, expect, it } from "vitest";
import {
  cancelInPortOneConsole,
  domainSuite,
  failPortOneCalls,
  newUser,
  paidCharge,
  payAtPortOne,
  pointsOf,
} from "../support/domain";

const suite = domainSuite();
const DAY = 86_400_000;

async function credit(userId: string, reference: string, paid: number, bonus: number) {
  const { db } = await import("@/db");
  const { appendLedgerEntry } = await import("@/lib/points/ledger");
  await db.transaction((tx) =>
    appendLedgerEntry(tx, { userId, kind: "charge", reference, paidDelta: paid, bonusDelta: bonus }),
  );
}

const spend = async (userId: string, amount: number, reference: string) => {
  const { spendPoints } = await import("@/lib/points/spend");
  const spent = await spendPoints({ userId, amount, reference, memo: "상품 구매" });
  if (!spent.ok) throw new Error(`spend refused: ${spent.code}`);
};

/** The user's lots: kind, amount, left, expiry, and the reference of the entry that credited them, in credit order. */
async function lotsOf(userId: string) {
  const { db } = await import("@/db");
  const { sql } = await import("drizzle-orm");
  const rows = await db.execute<{
    kind: string;
    amount: number;
    left: number;
    expires_at: string | null;
    ref: string;
  }>(sql`
    select l.point_kind as kind, l.amount, (l.amount - coalesce((select sum(d.amount) from point_lot_draws d where d.lot_id = l.id), 0))::int as left,
      l.expires_at, e.reference as ref
    from point_lots l left join point_entries e on e.id = l.entry_id where l.user_id = ${userId} order by l.seq`);
  return [...rows].map((row) => ({ ...row, expires_at: row.expires_at ? new Date(row.expires_at) : null }));
}

/** What an operator (or the e2e spec) does to see expiry now: the lots of one credit expired `daysAgo` days ago. */
async function expireCreditEarly(reference: string, kind: "paid" | "bonus", daysAgo = 1) {
  const { db } = await import("@/db");
  const { sql } = await import("drizzle-orm");
  await db.execute(sql`update point_lots set expires_at = now() - make_interval(days => ${daysAgo})
    where point_kind = ${kind} and entry_id = (select id from point_entries where kind = 'charge' and reference = ${reference})`);
}

const expire = async () => (await import("@/lib/points/expiry")).expireDuePoints();

describe("points validity", () => {
  it("fixes each credit's expiry when it is credited: paid 1,825 days, bonus 365 days by default", async () => {
    const before = Date.now();
    const { userId, paymentId } = await paidCharge(suite, "validity-default@example.com");
    const lots = await lotsOf(userId);
    expect(lots.map(({ kind, amount, ref }) => [kind, amount, ref])).toEqual([
      ["paid", 10_000, paymentId],
      ["bonus", 300, paymentId],
    ]);
    const days = (date: Date | null) => Math.round((date!.getTime() - before) / DAY);
    expect(days(lots[0]!.expires_at)).toBe(1_825);
    expect(days(lots[1]!.expires_at)).toBe(365);
  });

  it("spends the earliest expiry first within a kind, and expires only what is left of each lot, once", async () => {
    const userId = await newUser("validity-order@example.com");
    await credit(userId, "order-late", 1_000, 100);
    await credit(userId, "order-early", 1_000, 100);
    await expireCreditEarly("order-early", "paid", -10); // expires in 10 days: sooner than order-late
    await expireCreditEarly("order-early", "bonus", -10);
    await spend(userId, 250, "order-spend"); // 200 bonus (early lot first, then late), 50 paid (early)
    expect((await lotsOf(userId)).map(({ kind, left, ref }) => [ref, kind, left])).toEqual([
      ["order-late", "paid", 1_000],
      ["order-late", "bonus", 0],
      ["order-early", "paid", 950],
      ["order-early", "bonus", 0],
    ]);

    await expireCreditEarly("order-early", "paid");
    const first = await expire();
    expect(first.expired).toEqual({ paidLots: 1, paidPoints: 950, bonusLots: 0, bonusPoints: 0 });
    expect(first.expiredPaid).toEqual([
      expect.objectContaining({ userId, email: "validity-order@example.com", amount: 950, paymentId: "order-early" }),
    ]);
    const again = await expire();
    expect(again.expired).toEqual({ paidLots: 0, paidPoints: 0, bonusLots: 0, bonusPoints: 0 });
    expect(await pointsOf(userId)).toEqual({
      balance: { paid: 1_000, bonus: 0 },
      entries: [
        ["charge", 1_000, 100],
        ["charge", 1_000, 100],
        ["spend", -50, -200],
        ["expire", -950, 0],
      ],
      violations: [],
    });
  });

  it("never expires twice when two runs overlap", async () => {
    const users = await Promise.all([1, 2, 3].map((n) => newUser(`validity-race-${n}@example.com`)));
    for (const [index, userId] of users.entries()) {
      await credit(userId, `race-${index}`, 1_000 * (index + 1), 100);
      await expireCreditEarly(`race-${index}`, "paid");
      await expireCreditEarly(`race-${index}`, "bonus");
    }
    const runs = await Promise.all([expire(), expire(), expire()]);
    const total = (key: "paidPoints" | "bonusPoints" | "paidLots" | "bonusLots") =>
      runs.reduce((sum, run) => sum + run.expired[key], 0);
    expect([total("paidLots"), total("paidPoints"), total("bonusLots"), total("bonusPoints")]).toEqual([
      3, 6_000, 3, 300,
    ]);
    for (const userId of users) {
      const { balance, entries, violations } = await pointsOf(userId);
      expect(balance).toEqual({ paid: 0, bonus: 0 });
      expect(entries.filter(([kind]) => kind === "expire")).toHaveLength(2);
      expect(violations).toEqual([]);
    }
  });

  it("refunds a charge from its own lots, and after its bonus expired takes back only paid points", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { previewRefund, requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const userId = await newUser("validity-refund@example.com");
    const older = await payAtPortOne(suite, userId, { packageId: "points-5000" });
    await syncPayment(older);
    const newer = await payAtPortOne(suite, userId, { packageId: "points-10000" });
    await syncPayment(newer);
    await spend(userId, 1_300, "refund-spend"); // 300 bonus, then 1,000 paid from the older charge (earlier expiry)

    await expireCreditEarly(newer, "bonus"); // nothing left of it: already spent
    expect((await expire()).expired.bonusLots).toBe(0);

    const preview = await previewRefund(userId, newer);
    expect(preview).toMatchObject({ ok: true, quote: { amount: 10_000, paidPoints: 10_000, bonusPoints: 0 } });
    await requestRefund(userId, newer, { confirmedAmount: 10_000 });
    // The refund emptied the newer charge's own lot; the older charge keeps what the spend left.
    expect(
      (await lotsOf(userId)).map(({ kind, left, ref }) => [ref === older ? "older" : "newer", kind, left]),
    ).toEqual([
      ["older", "paid", 4_000],
      ["newer", "paid", 0],
      ["newer", "bonus", 0],
    ]);
    expect((await pointsOf(userId)).violations).toEqual([]);
  });

  it("keeps the lots at zero while a cancellation outside the app leaves the balance negative", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { userId, paymentId } = await paidCharge(suite, "validity-negative@example.com");
    await spend(userId, 10_300, "negative-spend");
    await cancelInPortOneConsole(suite, paymentId);
    await syncPayment(paymentId);
    expect((await pointsOf(userId)).balance).toEqual({ paid: -10_000, bonus: 0 });

    // The next charge first covers the debt; only what is beyond it becomes a lot that can expire.
    await credit(userId, "negative-recharge", 12_000, 0);
    expect((await lotsOf(userId)).filter((lot) => lot.left > 0).map(({ kind, left }) => [kind, left])).toEqual([
      ["paid", 2_000],
    ]);
    expect((await pointsOf(userId)).violations).toEqual([]);
  });

  it("gives a refused refund's points back into lots with the expiry they had, so they still expire on time", async () => {
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { settleRefund } = await import("@/lib/payments/refunds/settle-refund");
    const { userId, paymentId } = await paidCharge(suite, "validity-reversal@example.com");
    const [paidLot, bonusLot] = await lotsOf(userId);
    await failPortOneCalls(suite, paymentId, 1, "POST /payments/{paymentId}/cancel");
    const refund = await requestRefund(userId, paymentId, { confirmedAmount: 10_000 });
    expect(refund).toMatchObject({ ok: true, status: "REQUESTED" });
    const { db } = await import("@/db");
    const { refunds } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const [requested] = await db.select({ id: refunds.id }).from(refunds).where(eq(refunds.paymentId, paymentId));
    await settleRefund(requested!.id, { kind: "refused", reason: "테스트: PG 거절" });

    const restored = (await lotsOf(userId)).filter((lot) => lot.left > 0);
    expect(restored.map(({ kind, left, expires_at }) => [kind, left, expires_at])).toEqual([
      ["paid", 10_000, paidLot!.expires_at],
      ["bonus", 300, bonusLot!.expires_at],
    ]);
    expect((await pointsOf(userId)).violations).toEqual([]);
  });
});
