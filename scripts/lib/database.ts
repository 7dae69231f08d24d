import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { onShutdown } from "./processes";

/**
 * The database the stack runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL,
 * migrated before anything uses it. The embedded server stops with the stack.
 */
export async function prepareDatabase(options: {
  databaseUrl: string | undefined;
  embedded: { dataDir: string; port: number } | { temporary: true; port: number };
}): Promise<string> {
  let url = options.databaseUrl;
  if (!url) {
    const temporary = "temporary" in options.embedded;
    const { port } = options.embedded;
    const dataDir =
      "dataDir" in options.embedded ? options.embedded.dataDir : await mkdtemp(path.join(os.tmpdir(), "points-pg-"));
    console.log(`[stack] starting embedded PostgreSQL on port ${port} (${dataDir})`);
    const database = await startEmbeddedPostgres({ dataDir, port, persistent: !temporary });
    onShutdown(async () => {
      console.log("[stack] stopping embedded PostgreSQL");
      await database.stop();
    });
    url = database.url;
  }
  await migrateDatabase(url);
  console.log("[stack] database migrated");
  return url;
}
