import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** PostgreSQL's own settings, in milliseconds; 0 turns one off. */
export interface DatabaseTimeouts {
  statement_timeout: number;
  lock_timeout: number;
  idle_in_transaction_session_timeout: number;
}

/**
 * Makes every `db.transaction` begin by setting the timeouts for that transaction only
 * (`set_config(…, true)` is `SET LOCAL`). Unlike startup parameters or a plain `SET`, this holds
 * through a transaction-mode pooler (PgBouncer, a managed PostgreSQL's pooled URL), which gives
 * each transaction whichever server connection is free and refuses session settings at connect.
 * One round trip, in the transaction's first statement after any `SET TRANSACTION` of its config.
 * Savepoints (`tx.transaction`) inherit the settings.
 */
export function withTransactionTimeouts<Database extends PgDatabase<PgQueryResultHKT, Record<string, unknown>>>(
  database: Database,
  timeouts: DatabaseTimeouts,
): Database {
  const settings = sql`select set_config('statement_timeout', ${String(timeouts.statement_timeout)}, true),
    set_config('lock_timeout', ${String(timeouts.lock_timeout)}, true),
    set_config('idle_in_transaction_session_timeout', ${String(timeouts.idle_in_transaction_session_timeout)}, true)`;
  const transaction = database.transaction.bind(database);
  database.transaction = ((run, config) =>
    transaction(async (tx) => {
      await tx.execute(settings);
      return run(tx);
    }, config)) as Database["transaction"];
  return database;
}
