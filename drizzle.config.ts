import { defineConfig } from "drizzle-kit";

// `db:generate` only diffs the schema against the committed migrations; it needs no database.
export default defineConfig({
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dialect: "postgresql",
  casing: "snake_case",
});
