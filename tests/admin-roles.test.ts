import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeAdminRole, listAdmins } from "../db/admin-roles";
import { migrateDatabase } from "../db/migrate";
import { createScratchDatabase } from "./support/postgres";

describe("admin roles", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createScratchDatabase();
    await migrateDatabase(database.url);
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    await sql`insert into users (email) values ('ops@example.com'), ('other@example.com')`;
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  const changes = () => sql<{ action: string; actor: string }[]>`
    select c.action, c.actor from admin_role_changes c join users u on u.id = c.user_id where u.email = 'ops@example.com' order by c.created_at`;

  it("grants once, records who did it, and a second grant changes nothing", async () => {
    expect(await changeAdminRole(sql, { email: "ops@example.com", action: "grant", actor: "alice@host" })).toBe(
      "changed",
    );
    expect(await changeAdminRole(sql, { email: "ops@example.com", action: "grant", actor: "bob@host" })).toBe(
      "unchanged",
    );
    expect([...(await changes())]).toEqual([{ action: "grant", actor: "alice@host" }]);
    expect((await listAdmins(sql)).map((admin) => [admin.email, admin.grantedBy])).toEqual([
      ["ops@example.com", "alice@host"],
    ]);
  });

  it("two grants at the same moment record one", async () => {
    const outcomes = await Promise.all(
      ["x", "y"].map((actor) => changeAdminRole(sql, { email: "other@example.com", action: "grant", actor })),
    );
    expect(outcomes.sort()).toEqual(["changed", "unchanged"]);
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from admin_role_changes c join users u on u.id = c.user_id where u.email = 'other@example.com'`;
    expect(row!.n).toBe(1);
  });

  it("revokes, and refuses an address without an account", async () => {
    expect(await changeAdminRole(sql, { email: "ops@example.com", action: "revoke", actor: "alice@host" })).toBe(
      "changed",
    );
    expect(await changeAdminRole(sql, { email: "ops@example.com", action: "revoke", actor: "alice@host" })).toBe(
      "unchanged",
    );
    expect((await changes()).map((change) => change.action)).toEqual(["grant", "revoke"]);
    expect(await changeAdminRole(sql, { email: "nobody@example.com", action: "grant", actor: "alice@host" })).toBe(
      "no-such-user",
    );
    expect((await listAdmins(sql)).map((admin) => admin.email)).toEqual(["other@example.com"]);
  });
});
