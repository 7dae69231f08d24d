import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored lower-cased: e-mail addresses are compared case-insensitively.
  email: text("email").notNull().unique(),
  name: text("name"),
  // Null for accounts that only sign in through Kakao, Naver or Google.
  passwordHash: text("password_hash"),
  isAdmin: boolean("is_admin").notNull().default(false),
  // Cached balances; the ledger (point_entries) is the truth and every write keeps them equal.
  paidBalance: integer("paid_balance").notNull().default(0),
  bonusBalance: integer("bonus_balance").notNull().default(0),
  createdAt: createdAt(),
});

/** Links an OAuth identity (Kakao, Naver, Google) to a user. */
export const oauthAccounts = pgTable(
  "oauth_accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] }), index().on(table.userId)],
);

/**
 * Every password sign-in attempt, kept in PostgreSQL (not in process memory) so throttling
 * holds across any number of app instances.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index().on(table.email, table.attemptedAt),
    index().on(table.ipAddress, table.attemptedAt),
  ],
);

