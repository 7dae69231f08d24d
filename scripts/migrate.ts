import { migrateDatabase } from "../db/migrate";
import { parseDatabaseUrl } from "../lib/env-schema";

// Production and CI: apply the committed migrations to DATABASE_URL (`npm run dev` does it itself).
const databaseUrl = parseDatabaseUrl(process.env);
await migrateDatabase(databaseUrl);
console.log("Migrations applied.");
