import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainSuite } from "../support/domain";

domainSuite();

// Talking to PostgreSQL directly (the defaults): the timeouts are startup parameters as well, so
// they bound statements outside transactions too.
beforeAll(() => {
  Object.assign(process.env, {
    DATABASE_STATEMENT_TIMEOUT_MS: "1000",
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "5000",
  });
  delete process.env.DATABASE_STARTUP_PARAMETERS;
});

// Later files in the same worker get the defaults back.
afterAll(() => {
  for (const name of Object.keys(process.env))
    if (name.startsWith("DATABASE_") && name !== "DATABASE_URL") delete process.env[name];
});

describe("timeouts with startup parameters (PostgreSQL directly)", () => {
  it("bound a statement outside any transaction", async () => {
    const { db } = await import("@/db");
    const session = await db.execute<{ statement: string; idle: string }>(
      sql`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`,
    );
    expect(session[0]).toEqual({ statement: "1s", idle: "5s" });
    const started = Date.now();
    const slow = await db.execute(sql`select pg_sleep(4)`).then(
      () => undefined,
      (error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code,
    );
    expect(slow).toBe("57014"); // query_canceled
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("bound a statement inside a transaction, with no setting of its own", async () => {
    const { db } = await import("@/db");
    const started = Date.now();
    const slow = await db
      .transaction(async (tx) => {
        const [setting] = await tx.execute<{ statement: string }>(
          sql`select current_setting('statement_timeout') as statement`,
        );
        expect(setting).toEqual({ statement: "1s" });
        await tx.execute(sql`select pg_sleep(4)`);
      })
      .then(
        () => undefined,
        (error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code,
      );
    expect(slow).toBe("57014");
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
