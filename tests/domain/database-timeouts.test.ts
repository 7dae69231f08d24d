import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainSuite, newUser } from "../support/domain";

const suite = domainSuite();

// As behind a transaction-mode pooler: no startup parameters, no prepared statements, so only
// what every transaction sets for itself bounds it.
beforeAll(() => {
  Object.assign(process.env, {
    DATABASE_STARTUP_PARAMETERS: "false",
    DATABASE_PREPARE: "false",
    DATABASE_POOL_MAX: "2",
    DATABASE_LOCK_TIMEOUT_MS: "400",
    DATABASE_STATEMENT_TIMEOUT_MS: "1500",
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "800",
  });
});

/** PostgreSQL's SQLSTATE of a failure, through drizzle's wrapping. */
function sqlState(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: unknown };
  return code ?? (cause ? sqlState(cause) : undefined);
}

async function failure(work: Promise<unknown>): Promise<{ code: string | undefined; ms: number }> {
  const started = Date.now();
  try {
    await work;
  } catch (error) {
    return { code: sqlState(error), ms: Date.now() - started };
  }
  throw new Error("expected the transaction to fail");
}

/** Another session holds the user's row (as a slow payment's transaction would) until released. */
async function holdUserRow(userId: string) {
  const other = postgres(suite.databaseUrl, { max: 1, onnotice: () => {} });
  let release: () => void = () => undefined;
  let locked: () => void = () => undefined;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holding = other.begin(async (tx) => {
    await tx`select id from users where id = ${userId} for update`;
    locked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await isLocked;
  return async () => {
    release();
    await holding;
    await other.end();
  };
}

// Later files in the same worker get the defaults back.
afterAll(() => {
  for (const name of Object.keys(process.env))
    if (name.startsWith("DATABASE_") && name !== "DATABASE_URL") delete process.env[name];
});

describe("timeouts set by every transaction", () => {
  it("a lock wait gives up after the lock timeout, and the row is free again afterwards", async () => {
    const { db } = await import("@/db");
    const userId = await newUser("lock-wait@example.com");
    const release = await holdUserRow(userId);
    try {
      const waited = await failure(
        db.transaction((tx) => tx.execute(sql`select id from users where id = ${userId} for update`)),
      );
      expect(waited.code).toBe("55P03"); // lock_not_available
      expect(waited.ms).toBeGreaterThanOrEqual(350);
      expect(waited.ms).toBeLessThan(1_400); // the lock timeout, well before the statement timeout
    } finally {
      await release();
    }
    const rows = await db.transaction((tx) => tx.execute(sql`select id from users where id = ${userId} for update`));
    expect(rows.length).toBe(1);
  });

  it("a statement runs at most the statement timeout", async () => {
    const { db } = await import("@/db");
    const slow = await failure(db.transaction((tx) => tx.execute(sql`select pg_sleep(5)`)));
    expect(slow.code).toBe("57014"); // query_canceled
    expect(slow.ms).toBeGreaterThanOrEqual(1_400);
    expect(slow.ms).toBeLessThan(4_000);
  });

  it("a transaction left idle is ended by the server, and the pool goes on working", async () => {
    const { db } = await import("@/db");
    const userId = await newUser("idle@example.com");
    const stalled = failure(
      db.transaction(async (tx) => {
        await tx.execute(sql`select id from users where id = ${userId} for update`);
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        await tx.execute(sql`select 1`);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    // Long before the stalled code wakes up, the server has ended its transaction and freed the row.
    const rows = await db.transaction((tx) =>
      tx.execute(sql`select id from users where id = ${userId} for update nowait`),
    );
    expect(rows.length).toBe(1);
    expect((await stalled).code).toBeDefined();
    expect((await db.execute(sql`select 1 as one`))[0]).toEqual({ one: 1 });
  });

  it("the settings end with their transaction: a connection used afterwards has the server's defaults", async () => {
    const { db } = await import("@/db");
    const inside = await db.transaction((tx) =>
      tx.execute<{ statement: string; lock: string; idle: string }>(
        sql`select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock,
          current_setting('idle_in_transaction_session_timeout') as idle`,
      ),
    );
    expect(inside[0]).toEqual({ statement: "1500ms", lock: "400ms", idle: "800ms" });
    // Outside a transaction, without startup parameters, the role's and server's defaults apply
    // (README "Configuration": `ALTER ROLE … SET statement_timeout` behind a pooler).
    const outside = await Promise.all(
      [1, 2].map(() =>
        db.execute<{ statement: string }>(sql`select current_setting('statement_timeout') as statement`),
      ),
    );
    expect(outside.map((rows) => rows[0]!.statement)).toEqual(["0", "0"]);
  });
});
