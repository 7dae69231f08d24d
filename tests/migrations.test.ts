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
      expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(["oauth_accounts", "sign_in_attempts", "users"]));

      const [user] = await sql<{ paid_balance: number; bonus_balance: number; is_admin: boolean }[]>`
        insert into users (email) values ('first@example.com') returning paid_balance, bonus_balance, is_admin`;
      expect(user).toEqual({ paid_balance: 0, bonus_balance: 0, is_admin: false });
      await expect(sql`insert into users (email) values ('first@example.com')`).rejects.toThrow(/users_email_unique/);
    } finally {
      await sql.end();
    }
  });
});
