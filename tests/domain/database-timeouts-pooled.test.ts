import { sql } from "drizzle-orm";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProgram } from "../../e2e/support/topology-urls";
import { startPgBouncer, type PgBouncer } from "../../scripts/lib/pgbouncer";
import { freePort } from "../../scripts/lib/processes";
import { domainSuite, newUser } from "../support/domain";

const suite = domainSuite();
const program = findProgram("pgbouncer");
if (!program)
  console.log("[pgbouncer] not installed: the pooled timeout tests did not run (apt-get install -y pgbouncer)");

// The app's client as configured for a transaction-mode pooler, through a real PgBouncer that
// hands 4 client connections 2 server connections.
let bouncer: PgBouncer | undefined;
let dir: string | undefined;
beforeAll(async () => {
  if (!program) return;
  dir = await mkdtemp(path.join(os.tmpdir(), "points-vitest-pgbouncer-"));
  bouncer = await startPgBouncer({ program, databaseUrl: suite.databaseUrl, port: await freePort(), dir, poolSize: 2 });
  Object.assign(process.env, {
    DATABASE_URL: bouncer.url,
    DATABASE_PREPARE: "false",
    DATABASE_STARTUP_PARAMETERS: "false",
    DATABASE_POOL_MAX: "4",
    DATABASE_LOCK_TIMEOUT_MS: "400",
    DATABASE_STATEMENT_TIMEOUT_MS: "1500",
  });
});

afterAll(async () => {
  for (const name of Object.keys(process.env))
    if (name.startsWith("DATABASE_") && name !== "DATABASE_URL") delete process.env[name];
  await bouncer?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function sqlState(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: unknown };
  return code ?? (cause ? sqlState(cause) : undefined);
}

describe.skipIf(!program)("timeouts through PgBouncer in transaction mode", () => {
  it("PgBouncer refuses the timeouts as startup parameters, which is why the client sends none", async () => {
    const withStartupParameters = postgres(bouncer!.url, { max: 1, connection: { statement_timeout: 1000 } });
    await expect(withStartupParameters`select 1`).rejects.toThrow(/unsupported startup parameter: statement_timeout/);
    await withStartupParameters.end();
  });

  it("a lock wait inside a transaction gives up after the lock timeout", async () => {
    const { db } = await import("@/db");
    const userId = await newUser("pooled-lock@example.com");
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
    try {
      const started = Date.now();
      const code = await db
        .transaction((tx) => tx.execute(sql`select id from users where id = ${userId} for update`))
        .then(() => "granted", sqlState);
      expect(code).toBe("55P03"); // lock_not_available
      expect(Date.now() - started).toBeLessThan(1_400);
    } finally {
      release();
      await holding;
      await other.end();
    }
  });

  it("concurrent transactions on shared server connections each have their settings, and none leaks out", async () => {
    const { db } = await import("@/db");
    const setting = sql`select current_setting('statement_timeout') as statement`;
    const inside = await Promise.all(
      Array.from({ length: 12 }, () =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.05)`);
          return (await tx.execute<{ statement: string }>(setting))[0]!.statement;
        }),
      ),
    );
    expect(inside).toEqual(Array(12).fill("1500ms"));
    const outside = await Promise.all(
      Array.from({ length: 6 }, async () => (await db.execute<{ statement: string }>(setting))[0]!.statement),
    );
    expect(outside).toEqual(Array(6).fill("0"));
  });
});
