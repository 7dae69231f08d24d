import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../db/migrate";
import { migrationsUpTo } from "./support/migrations";
import { createScratchDatabase } from "./support/postgres";

describe("migration 0006 on a database with a ledger", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    database = await createScratchDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("numbers existing entries in their old order and carries outside cancellations over as refunds", async () => {
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(sql), { migrationsFolder: await migrationsUpTo(5) });
      const [user] = await sql<
        { id: string }[]
      >`insert into users (email, paid_balance, bonus_balance) values ('old@example.com', 4000, 150) returning id`;
      await sql`insert into payments (id, user_id, package_id, order_name, amount, currency, paid_points, bonus_points, pay_option, channel_key, status)
        values ('pay-old', ${user!.id}, 'points-10000', '포인트', 10000, 'KRW', 10000, 300, 'card', 'channel-key', 'PARTIALLY_REFUNDED')`;
      // Inserted out of their time order, as concurrent transactions commit.
      const entry = (
        kind: string,
        reference: string,
        paid: number,
        bonus: number,
        paidAfter: number,
        bonusAfter: number,
        at: string,
        memo: string | null,
      ) =>
        sql`insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after, memo, created_at)
          values (${user!.id}, ${kind}, ${reference}, ${paid}, ${bonus}, ${paidAfter}, ${bonusAfter}, ${memo}, ${at})`;
      await entry("spend", "shop-1", -1000, 0, 4000, 150, "2026-11-03T00:00:00Z", "쿠폰");
      await entry("charge", "pay-old", 10000, 300, 10000, 300, "2026-11-01T00:00:00Z", null);
      await entry("external_cancel", "cancel-1", -5000, -150, 5000, 150, "2026-11-02T00:00:00Z", "결제 취소 pay-old");

      await migrateDatabase(database.url);

      const ordered = await sql<
        { reference: string; seq: string }[]
      >`select reference, seq from point_entries order by seq`;
      expect(ordered.map((row) => row.reference)).toEqual(["pay-old", "cancel-1", "shop-1"]);
      const refunds =
        await sql`select payment_id, amount, paid_points, bonus_points, status, origin, cancellation_id from refunds`;
      expect([...refunds]).toEqual([
        {
          payment_id: "pay-old",
          amount: 5000,
          paid_points: 5000,
          bonus_points: 150,
          status: "COMPLETED",
          origin: "outside",
          cancellation_id: "cancel-1",
        },
      ]);
      // New entries continue the numbering after the old ones, and cannot reuse a cancellation.
      const [next] = await sql<
        { seq: string }[]
      >`insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after)
        values (${user!.id}, 'adjust', 'adj-1', 0, 10, 4000, 160) returning seq`;
      expect(Number(next!.seq)).toBe(4);
      await expect(
        sql`insert into refunds (payment_id, user_id, amount, currency, paid_points, bonus_points, cancellation_id) values ('pay-old', ${user!.id}, 1, 'KRW', 1, 0, 'cancel-1')`,
      ).rejects.toThrow(/refunds_cancellation_id_unique/);
    } finally {
      await sql.end();
    }
  });
});
