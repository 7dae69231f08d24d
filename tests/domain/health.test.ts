import postgres from "postgres";
import { describe, expect, it } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { domainSuite } from "../support/domain";

const suite = domainSuite();
const newest = journal.entries[journal.entries.length - 1]!;

async function health() {
  const { checkHealth } = await import("@/lib/health");
  return checkHealth();
}

describe("health", () => {
  it("is ok with the newest migration applied, and names it", async () => {
    expect(await health()).toEqual({ status: "ok", migration: newest.tag });
  });

  it("reports the migrations a database still lacks", async () => {
    const { db } = await import("@/db");
    const [removed] = await db.$client<{ id: number; hash: string; created_at: string }[]>`
      delete from drizzle.__drizzle_migrations where created_at = ${newest.when} returning id, hash, created_at`;
    try {
      expect(await health()).toEqual({
        status: "migrations_pending",
        migration: journal.entries[journal.entries.length - 2]!.tag,
        expected: newest.tag,
      });
    } finally {
      await db.$client`insert into drizzle.__drizzle_migrations (id, hash, created_at)
        values (${removed!.id}, ${removed!.hash}, ${removed!.created_at})`;
    }
  });

  it("answers unavailable within seconds when the database does not answer", async () => {
    // Another session holds the table the check reads: the query waits, as on a stalled server.
    const blocker = postgres(suite.databaseUrl, { max: 1, onnotice: () => {} });
    let release: () => void = () => undefined;
    const holding = blocker.begin(async (tx) => {
      await tx`lock table drizzle.__drizzle_migrations in access exclusive mode`;
      await new Promise<void>((resolve) => (release = resolve));
    });
    try {
      const { db } = await import("@/db");
      const held = () =>
        db.$client<
          { n: number }[]
        >`select count(*)::int as n from pg_locks where mode = 'AccessExclusiveLock' and granted`;
      await expect.poll(async () => (await held())[0]!.n).toBeGreaterThan(0);
      const started = Date.now();
      expect(await health()).toEqual({ status: "database_unavailable" });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      release();
      await holding;
      await blocker.end();
    }
    expect((await health()).status).toBe("ok");
  });
});
