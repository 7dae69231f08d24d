import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import journal from "@/db/migrations/meta/_journal.json";

/** The newest migration this build was made with; the database must have it applied. */
const EXPECTED_MIGRATION = journal.entries[journal.entries.length - 1]!;

// A load balancer must hear "down" while it can still act on it, not after the pool's own
// connect and statement timeouts.
const HEALTH_TIMEOUT_MS = 3_000;

export type Health =
  | { status: "ok"; migration: string }
  | { status: "migrations_pending"; migration: string | null; expected: string }
  | { status: "database_unavailable" };

/**
 * Up means the database answers and holds the schema this build expects: one query, which reads
 * the latest migration the migrator recorded (drizzle keeps the journal's `when` as `created_at`).
 */
export async function checkHealth(): Promise<Health> {
  const query = db.execute<{ applied: string | null }>(
    sql`select max(created_at)::text as applied from drizzle.__drizzle_migrations`,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), HEALTH_TIMEOUT_MS);
  });
  try {
    const [row] = await Promise.race([query, timeout]);
    const applied = Number(row?.applied ?? 0);
    if (applied >= EXPECTED_MIGRATION.when) return { status: "ok", migration: EXPECTED_MIGRATION.tag };
    const newestApplied = journal.entries.filter((entry) => entry.when <= applied).at(-1);
    return { status: "migrations_pending", migration: newestApplied?.tag ?? null, expected: EXPECTED_MIGRATION.tag };
  } catch {
    query.catch(() => undefined);
    return { status: "database_unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
