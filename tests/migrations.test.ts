import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { createScratchDatabase } from "./support/postgres";

// Every primary, unique and foreign key the tables of db/schema.ts declare, as PostgreSQL names them.
const KEYS = [
  "admin_role_changes admin_role_changes_pkey PRIMARY KEY (id)",
  "admin_role_changes admin_role_changes_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE",
  "auto_charge_events auto_charge_events_pkey PRIMARY KEY (id)",
  "auto_charge_events auto_charge_events_rule_id_auto_charge_rules_id_fk FOREIGN KEY (rule_id) REFERENCES auto_charge_rules(id)",
  "auto_charge_events auto_charge_events_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "auto_charge_rules auto_charge_rules_payment_method_id_payment_methods_id_fk FOREIGN KEY (payment_method_id) REFERENCES payment_methods(id)",
  "auto_charge_rules auto_charge_rules_pkey PRIMARY KEY (id)",
  "auto_charge_rules auto_charge_rules_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "consents consents_pkey PRIMARY KEY (id)",
  "consents consents_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "idempotency_keys idempotency_keys_pkey PRIMARY KEY (key)",
  "mail_outbox mail_outbox_key_unique UNIQUE (key)",
  "mail_outbox mail_outbox_pkey PRIMARY KEY (id)",
  "maintenance_jobs maintenance_jobs_pkey PRIMARY KEY (name)",
  "oauth_accounts oauth_accounts_provider_provider_account_id_pk PRIMARY KEY (provider, provider_account_id)",
  "oauth_accounts oauth_accounts_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE",
  "payment_methods payment_methods_billing_key_unique UNIQUE (billing_key)",
  "payment_methods payment_methods_issue_id_unique UNIQUE (issue_id)",
  "payment_methods payment_methods_pkey PRIMARY KEY (id)",
  "payment_methods payment_methods_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "payments payments_auto_charge_rule_id_auto_charge_rules_id_fk FOREIGN KEY (auto_charge_rule_id) REFERENCES auto_charge_rules(id)",
  "payments payments_pkey PRIMARY KEY (id)",
  "payments payments_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "point_adjustments point_adjustments_admin_id_users_id_fk FOREIGN KEY (admin_id) REFERENCES users(id)",
  "point_adjustments point_adjustments_pkey PRIMARY KEY (id)",
  "point_adjustments point_adjustments_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "point_entries point_entries_kind_reference_unique UNIQUE (kind, reference)",
  "point_entries point_entries_pkey PRIMARY KEY (id)",
  "point_entries point_entries_seq_unique UNIQUE (seq)",
  "point_entries point_entries_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "point_lot_draws point_lot_draws_entry_id_point_entries_id_fk FOREIGN KEY (entry_id) REFERENCES point_entries(id)",
  "point_lot_draws point_lot_draws_lot_id_entry_id_unique UNIQUE (lot_id, entry_id)",
  "point_lot_draws point_lot_draws_lot_id_point_lots_id_fk FOREIGN KEY (lot_id) REFERENCES point_lots(id)",
  "point_lot_draws point_lot_draws_pkey PRIMARY KEY (id)",
  "point_lots point_lots_entry_id_point_entries_id_fk FOREIGN KEY (entry_id) REFERENCES point_entries(id)",
  "point_lots point_lots_pkey PRIMARY KEY (id)",
  "point_lots point_lots_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "refunds refunds_cancellation_id_unique UNIQUE (cancellation_id)",
  "refunds refunds_payment_id_payments_id_fk FOREIGN KEY (payment_id) REFERENCES payments(id)",
  "refunds refunds_pkey PRIMARY KEY (id)",
  "refunds refunds_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id)",
  "sign_in_attempts sign_in_attempts_pkey PRIMARY KEY (id)",
  "users users_email_unique UNIQUE (email)",
  "users users_pkey PRIMARY KEY (id)",
  "webhook_events webhook_events_pkey PRIMARY KEY (webhook_id)",
];

describe("migrations", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createScratchDatabase();
    sql = postgres(database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  it("apply to an empty database, and a second run changes nothing", async () => {
    await migrateDatabase(database.url);
    await migrateDatabase(database.url);

    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    const migrated = tables.map((row) => row.table_name).filter((name) => !name.startsWith("__"));
    expect(migrated).toEqual([
      "admin_role_changes",
      "auto_charge_events",
      "auto_charge_rules",
      "consents",
      "idempotency_keys",
      "mail_outbox",
      "maintenance_jobs",
      "oauth_accounts",
      "payment_methods",
      "payments",
      "point_adjustments",
      "point_entries",
      "point_lot_draws",
      "point_lots",
      "refunds",
      "sign_in_attempts",
      "users",
      "webhook_events",
    ]);
    // No table of the schema lacks its migration.
    const declared = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableConfig(table).name);
    expect(declared.sort()).toEqual(migrated);

    const [user] = await sql<{ paid_balance: number; bonus_balance: number; is_admin: boolean }[]>`
      insert into users (email) values ('first@example.com') returning paid_balance, bonus_balance, is_admin`;
    expect(user).toEqual({ paid_balance: 0, bonus_balance: 0, is_admin: false });
  });

  it("give every table its primary, unique and foreign keys", async () => {
    await migrateDatabase(database.url);
    const keys = await sql<{ key: string }[]>`
      select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as key from pg_constraint
      where connamespace = 'public'::regnamespace and contype in ('p', 'u', 'f') order by 1`;
    expect(keys.map((row) => row.key)).toEqual(KEYS);
  });

  it("make PostgreSQL itself refuse a second credit, a second webhook id, idempotency key or e-mail", async () => {
    await migrateDatabase(database.url);
    const [{ id } = { id: "" }] = await sql<
      { id: string }[]
    >`insert into users (email) values ('keys@example.com') returning id`;
    const entry = (kind: string, reference: string) =>
      sql`insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after)
        values (${id}, ${kind}, ${reference}, 1000, 0, 1000, 0)`;
    await entry("charge", "pay-1");
    await expect(entry("charge", "pay-1")).rejects.toThrow(/point_entries_kind_reference_unique/);
    await entry("spend", "pay-1");

    await expect(sql`insert into users (email) values ('keys@example.com')`).rejects.toThrow(/users_email_unique/);
    const webhook = () =>
      sql`insert into webhook_events (webhook_id, type, outcome) values ('wh-1', 'Transaction.Paid', 'received')`;
    await webhook();
    await expect(webhook()).rejects.toThrow(/webhook_events_pkey/);
    const key = () =>
      sql`insert into idempotency_keys (key, request_hash, response_status, response_body) values ('k-1', 'h', 200, '{}')`;
    await key();
    await expect(key()).rejects.toThrow(/idempotency_keys_pkey/);
    await expect(sql`insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after)
      values (gen_random_uuid(), 'charge', 'pay-2', 1, 0, 1, 0)`).rejects.toThrow(/point_entries_user_id_users_id_fk/);
  });
});
