import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_INVARIANT_VIOLATIONS } from "../db/ledger-invariant";
import { migrateDatabase } from "../db/migrate";
import { migrationsUpTo } from "./support/migrations";
import { createScratchDatabase } from "./support/postgres";

describe("migration 0009 (points validity)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createScratchDatabase();
    sql = postgres(database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  it("carries each balance over as lots that never expire, and the ledger invariant holds", async () => {
    await migrate(drizzle(sql), { migrationsFolder: await migrationsUpTo(8) });
    const entry = (user: string, paid: number, bonus: number) =>
      sql`insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after)
        values (${user}, 'charge', ${`pay-${user}`}, ${paid}, ${bonus}, ${paid}, ${bonus})`;
    const [rich] = await sql<{ id: string }[]>`
      insert into users (email, paid_balance, bonus_balance) values ('rich@example.com', 9000, 300) returning id`;
    const [flagged] = await sql<{ id: string }[]>`
      insert into users (email, paid_balance, bonus_balance) values ('flagged@example.com', -500, 0) returning id`;
    await entry(rich!.id, 9_000, 300);
    await entry(flagged!.id, -500, 0);
    await sql`insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after)
      values (${flagged!.id}, 'external_cancel', 'c-1', 0, 0, -500, 0)`;

    await migrateDatabase(database.url);
    const lots = await sql<{ email: string; point_kind: string; amount: number; expires_at: Date | null }[]>`
      select u.email, l.point_kind, l.amount, l.expires_at from point_lots l join users u on u.id = l.user_id
      order by u.email, l.point_kind`;
    expect(lots.map((lot) => ({ ...lot }))).toEqual([
      { email: "rich@example.com", point_kind: "paid", amount: 9_000, expires_at: null },
      { email: "rich@example.com", point_kind: "bonus", amount: 300, expires_at: null },
    ]);
    expect([...(await sql.unsafe(LEDGER_INVARIANT_VIOLATIONS))]).toEqual([]);
  });
});
