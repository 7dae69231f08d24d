import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chown, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { stopChild } from "./processes";

export interface PgBouncer {
  /** The pooled URL: database `points`, any user name, no password. */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * PgBouncer in transaction mode in front of `databaseUrl`, as a child process with its files in
 * `dir`, listening on 127.0.0.1 only. PgBouncer refuses to run as root, so as root it runs as an
 * unprivileged user who is given the folder.
 */
export async function startPgBouncer(options: {
  program: string;
  databaseUrl: string;
  port: number;
  dir: string;
  poolSize?: number;
}): Promise<PgBouncer> {
  const account = unprivilegedAccount();
  if (account) await chown(options.dir, account.uid, account.gid);
  const config = path.join(options.dir, "pgbouncer.ini");
  await writeFile(config, pgbouncerConfig(options.dir, options.databaseUrl, options.port, options.poolSize ?? 8));
  const child = spawn(options.program, [config], {
    stdio: ["ignore", "inherit", "inherit"],
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
  });
  const stop = () => stopChild(child);
  try {
    await listening(options.port, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://points@127.0.0.1:${options.port}/points`, child, stop };
}

async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`PgBouncer exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.once("connect", () => done(true)).once("error", () => done(false));
      socket.setTimeout(500, () => done(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PgBouncer did not listen on port ${port}`);
}

export interface Account {
  uid: number;
  gid: number;
  user: string;
  group: string;
}

export function unprivilegedAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ["postgres", "nobody"]) {
    try {
      const id = (flag: string) => execFileSync("id", [flag, user], { encoding: "utf8" }).trim();
      return { uid: Number(id("-u")), gid: Number(id("-g")), user, group: id("-gn") };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error("running as root, but neither a postgres nor a nobody user exists to run PgBouncer as");
}

function pgbouncerConfig(dir: string, databaseUrl: string, port: number, poolSize: number): string {
  const url = new URL(databaseUrl);
  const server = [
    `host=${url.hostname}`,
    `port=${url.port || "5432"}`,
    `dbname=${decodeURIComponent(url.pathname.slice(1))}`,
    `user=${decodeURIComponent(url.username || "postgres")}`,
    ...(url.password ? [`password=${decodeURIComponent(url.password)}`] : []),
  ].join(" ");
  // auth_type any: clients are not asked for a password (the listener is on 127.0.0.1 only) and
  // every server connection logs in as the database entry's user.
  return `[databases]
points = ${server}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = any
pool_mode = transaction
max_client_conn = 200
default_pool_size = ${poolSize}
pidfile = ${path.join(dir, "pgbouncer.pid")}
log_connections = 0
log_disconnections = 0
log_stats = 0
`;
}
