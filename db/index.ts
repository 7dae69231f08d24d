import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

// One pool per process. In development Next re-evaluates modules on every edit, so the pool is
// kept on globalThis instead of leaking a new one each time.
const globalForDb = globalThis as unknown as { pointsSql?: postgres.Sql };

// Bounded waits: a statement (lock waits included) gives up after 15 s and a transaction left
// idle by a stalled process is ended after 30 s, so no request hangs on, and no balance row stays
// locked by, something that will not finish. Every payment path can be retried safely.
const sqlClient =
  globalForDb.pointsSql ??
  postgres(env.DATABASE_URL, {
    max: 10,
    connect_timeout: 10,
    connection: { statement_timeout: 15_000, idle_in_transaction_session_timeout: 30_000 },
    onnotice: () => {},
  });
if (env.NODE_ENV !== "production") globalForDb.pointsSql = sqlClient;

export const db = drizzle(sqlClient, { schema, casing: "snake_case" });
export type Database = typeof db;
