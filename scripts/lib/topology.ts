import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  TOPOLOGY_APP_URL,
  TOPOLOGY_EMULATOR_PORT,
  TOPOLOGY_INSTANCE_URLS,
  TOPOLOGY_PGBOUNCER_PORT,
  TOPOLOGY_PROXY_PORT,
  topologyPrograms,
} from "../../e2e/support/topology-urls";
import { waitForApp } from "../../e2e/support/wait-for-app";
import { startPgBouncer, unprivilegedAccount, type Account } from "./pgbouncer";
import { startPortOneEmulator } from "./portone";
import { onShutdown, startNext, stopChild } from "./processes";

/**
 * Production as a managed deployment runs it, on this machine: nginx terminating the public
 * origin in front of two `next start` of the build just made, which reach PostgreSQL only through
 * PgBouncer in transaction mode (DATABASE_PREPARE=false, no startup parameters), with a PortOne
 * emulator of its own whose webhooks go to nginx. PgBouncer and nginx run as children of the
 * stack from generated files in a temporary folder, never as the system's services. Returns
 * false (and says why) when either program is not installed.
 */
export async function startTopology(input: { appEnv: NodeJS.ProcessEnv; databaseUrl: string }): Promise<boolean> {
  const programs = topologyPrograms();
  if ("missing" in programs) {
    console.log(`[topology] ${programs.missing}`);
    return false;
  }
  // One fixed folder, like the fixed ports: a stack killed before its cleanup leaves only this,
  // and the next start clears it.
  const dir = path.join(os.tmpdir(), `points-topology-${TOPOLOGY_PROXY_PORT}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { mode: 0o755 });
  const removeDir = () => rm(dir, { recursive: true, force: true });
  onShutdown(removeDir);
  const children: ChildProcess[] = [];
  const watch = (name: string, child: ChildProcess) => watchIn(children, name, child);
  // As root, nginx's workers run as the unprivileged user PgBouncer runs as.
  const account = unprivilegedAccount();

  const portoneEnv = await startPortOneEmulator({
    port: TOPOLOGY_EMULATOR_PORT,
    webhookUrl: `${TOPOLOGY_APP_URL}/api/webhooks/portone`,
    retryScale: 0.001,
    webhookTimeoutMs: 5_000,
  });

  const pgbouncer = await startPgBouncer({
    program: programs.pgbouncer,
    databaseUrl: input.databaseUrl,
    port: TOPOLOGY_PGBOUNCER_PORT,
    dir,
  });
  onShutdown(pgbouncer.stop);
  watch("pgbouncer", pgbouncer.child);
  const pooledUrl = pgbouncer.url;

  const env: NodeJS.ProcessEnv = {
    ...input.appEnv,
    ...portoneEnv,
    APP_URL: TOPOLOGY_APP_URL,
    TRUSTED_PROXY_HOPS: "1",
    DATABASE_URL: pooledUrl,
    DATABASE_PREPARE: "false",
    DATABASE_STARTUP_PARAMETERS: "false",
    DATABASE_POOL_MAX: "5",
  };
  for (const url of TOPOLOGY_INSTANCE_URLS) {
    watch(`next start ${url}`, startNext(["start", "--port", new URL(url).port], env));
  }

  // nginx takes an upstream that refused a connection out of rotation for a while: start it once both answer.
  await Promise.all(TOPOLOGY_INSTANCE_URLS.map((url) => waitForApp(url, 120_000)));
  await writeFile(path.join(dir, "nginx.conf"), nginxConfig(dir, account));
  watch(
    "nginx",
    spawnOwned(
      programs.nginx,
      ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", "stderr", "-g", "daemon off;"],
      undefined,
    ),
  );

  // Stop every part at once: Playwright gives the whole stack 10 s before it kills it.
  onShutdown(async () => {
    for (const child of children) child.removeAllListeners("exit");
    await Promise.all(children.map(stopChild));
    await removeDir();
  });
  await waitForApp(TOPOLOGY_APP_URL, 30_000);
  console.log(
    `[topology] nginx ${TOPOLOGY_APP_URL} → ${TOPOLOGY_INSTANCE_URLS.join(", ")} → PgBouncer :${TOPOLOGY_PGBOUNCER_PORT} (transaction mode) → PostgreSQL`,
  );
  return true;
}

function spawnOwned(program: string, args: string[], account: Account | undefined): ChildProcess {
  const child = spawn(program, args, {
    stdio: ["ignore", "inherit", "inherit"],
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
  });
  onShutdown(() => stopChild(child));
  return child;
}

/** A part of the topology that stops on its own takes the stack down: specs must not run against half of it. */
function watchIn(children: ChildProcess[], name: string, child: ChildProcess): void {
  children.push(child);
  child.on("exit", (code, signal) => {
    console.error(`[topology] ${name} exited (${signal ?? code})`);
    process.kill(process.pid, "SIGTERM");
  });
}

function nginxConfig(dir: string, account: Account | undefined): string {
  const [first, second] = TOPOLOGY_INSTANCE_URLS.map((url) => `127.0.0.1:${new URL(url).port}`);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `  ${kind}_temp_path ${path.join(dir, kind)};`)
    .join("\n");
  // $proxy_add_x_forwarded_for appends the peer, which TRUSTED_PROXY_HOPS=1 takes as the client.
  return `${account ? `user ${account.user} ${account.group};\n` : ""}worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
events { worker_connections 512; }
http {
  access_log off;
${temp}
  # An idle kept-alive connection is closed by nginx before Node's own 5 s (keepAliveTimeout) does:
  # reusing one Node has just closed fails the request there, and nginx then takes that instance
  # out of rotation for fail_timeout (10 s), as if it were down.
  upstream app {
    server ${first};
    server ${second};
    keepalive 16;
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${TOPOLOGY_PROXY_PORT};
    client_max_body_size 1m;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      # Which instance answered, so the specs can see both take part.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}
