import { existsSync } from "node:fs";
import path from "node:path";

// The production topology the e2e stack adds when PgBouncer and nginx are installed
// (scripts/lib/topology.ts): nginx → two `next start` of the one build → PgBouncer in transaction
// mode → PostgreSQL, with a PortOne emulator of its own whose webhooks go to nginx.
export const TOPOLOGY_PROXY_PORT = 6500;
export const TOPOLOGY_APP_URL = `http://localhost:${TOPOLOGY_PROXY_PORT}`;
/** The instances behind nginx, reached directly only to aim requests at one of them. */
export const TOPOLOGY_INSTANCE_URLS = ["http://localhost:6511", "http://localhost:6512"] as const;
export const TOPOLOGY_EMULATOR_PORT = 6520;
export const TOPOLOGY_EMULATOR_URL = `http://localhost:${TOPOLOGY_EMULATOR_PORT}`;
export const TOPOLOGY_PGBOUNCER_PORT = 6530;

const SEARCH_PATH = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin", "/sbin"];

/** A program on PATH or in the sbin folders Debian installs daemons to. */
export function findProgram(name: string): string | undefined {
  return SEARCH_PATH.filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find((candidate) => existsSync(candidate));
}

/** The programs the topology needs, or why it cannot run here. */
export function topologyPrograms(): { pgbouncer: string; nginx: string } | { missing: string } {
  const pgbouncer = findProgram("pgbouncer");
  const nginx = findProgram("nginx");
  if (pgbouncer && nginx) return { pgbouncer, nginx };
  const absent = [pgbouncer ? undefined : "pgbouncer", nginx ? undefined : "nginx"].filter(Boolean).join(" and ");
  return {
    missing: `${absent} not installed: the production-topology specs did not run (install the Debian packages: apt-get install -y pgbouncer nginx)`,
  };
}
