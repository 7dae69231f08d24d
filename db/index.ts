import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

// One pool per process. In development Next re-evaluates modules on every edit, so the pool is
// kept on globalThis instead of leaking a new one each time.
const globalForDb = globalThis as unknown as { pointsSql?: postgres.Sql };

const sqlClient = globalForDb.pointsSql ?? postgres(env.DATABASE_URL, { max: 10, onnotice: () => {} });
if (env.NODE_ENV !== "production") globalForDb.pointsSql = sqlClient;

export const db = drizzle(sqlClient, { schema, casing: "snake_case" });
export type Database = typeof db;
