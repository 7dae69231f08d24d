import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../db/migrate";
import { createScratchDatabase } from "./support/postgres";

describe("migrations", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    database = await createScratchDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("apply to an empty database, and a second run changes nothing", async () => {
    await migrateDatabase(database.url);
    await migrateDatabase(database.url);

    const sql = postgres(database.url, { max: 1 });
    try {
      const tables = await sql<{ table_name: string }[]>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
      expect(tables.map((row) => row.table_name).filter((name) => !name.startsWith("__"))).toEqual([
        "admin_role_changes",
        "idempotency_keys",
        "oauth_accounts",
        "payments",
        "point_adjustments",
        "point_entries",
        "refunds",
        "sign_in_attempts",
        "users",
        "webhook_events",
      ]);

      const [user] = await sql<{ paid_balance: number; bonus_balance: number; is_admin: boolean }[]>`
        insert into users (email) values ('first@example.com') returning paid_balance, bonus_balance, is_admin`;
      expect(user).toEqual({ paid_balance: 0, bonus_balance: 0, is_admin: false });
      await expect(sql`insert into users (email) values ('first@example.com')`).rejects.toThrow(/users_email_unique/);

      // The database itself refuses a second credit for one payment.
      const [{ id } = { id: "" }] = await sql<{ id: string }[]>`select id from users where email = 'first@example.com'`;
      const credit = () => sql`insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after)
        values (${id}, 'charge', 'pay-1', 1000, 0, 1000, 0)`;
      await credit();
      await expect(credit()).rejects.toThrow(/point_entries_kind_reference_unique/);
    } finally {
      await sql.end();
    }
  });
});
