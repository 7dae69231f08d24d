import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { withTransactionTimeouts, type DatabaseTimeouts } from "./timeouts";

// One pool per process. In development Next re-evaluates modules on every edit, so the pool is
// kept on globalThis instead of leaking a new one each time.
const globalForDb = globalThis as unknown as { pointsSql?: postgres.Sql };

// Bounded waits: a statement (lock waits included) gives up after 15 s and a transaction left
// idle by a stalled process is ended after 30 s (by default), so no request hangs on, and no
// balance row stays locked by, something that will not finish. Every payment path can be retried
// safely. Talking to PostgreSQL directly, they are startup parameters of every connection; behind a
// transaction-mode pooler, which refuses those, every transaction sets them for itself
// (db/timeouts.ts: one more round trip each) and statements outside transactions get the role's
// defaults (README "Configuration").
const timeouts: DatabaseTimeouts = {
  statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
  lock_timeout: env.DATABASE_LOCK_TIMEOUT_MS,
  idle_in_transaction_session_timeout: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
};

const sqlClient =
  globalForDb.pointsSql ??
  postgres(env.DATABASE_URL, {
    max: env.DATABASE_POOL_MAX,
    prepare: env.DATABASE_PREPARE,
    connect_timeout: env.DATABASE_CONNECT_TIMEOUT_S,
    connection: env.DATABASE_STARTUP_PARAMETERS ? { ...timeouts } : {},
    onnotice: () => {},
  });
if (env.NODE_ENV !== "production") globalForDb.pointsSql = sqlClient;

const database = drizzle(sqlClient, { schema, casing: "snake_case" });
export const db = env.DATABASE_STARTUP_PARAMETERS ? database : withTransactionTimeouts(database, timeouts);
export type Database = typeof db;
