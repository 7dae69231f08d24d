import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const cleanups: (() => Promise<void> | void)[] = [];
let stopping: Promise<never> | undefined;

/** Registers work to undo on exit; it runs in reverse order (children first, database last). */
export function onShutdown(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/**
 * Runs the cleanups once, then exits. A later call (a child exiting because the cleanups stop
 * it, a second signal) waits for the first instead of exiting halfway and orphaning the rest.
 */
export function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error("[stack] cleanup failed:", error);
      }
    }
    process.exit(code);
  })();
  return stopping;
}

export function exitOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // A second signal while stopping (Ctrl-C twice) means now.
      if (stopping) process.exit(1);
      console.log(`\n[stack] ${signal}: stopping…`);
      void shutdown(0);
    });
  }
}

const nextBin = path.resolve("node_modules/next/dist/bin/next");

/** Runs the Next.js CLI as a child; it is stopped with the stack. `output`: a file descriptor for its logs. */
export function startNext(args: string[], env: NodeJS.ProcessEnv, output?: number): ChildProcess {
  const child = spawn(process.execPath, [nextBin, ...args], {
    stdio: output === undefined ? "inherit" : ["ignore", output, output],
    env,
  });
  onShutdown(() => stopChild(child));
  return child;
}

export function runNextToCompletion(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited with ${code}`)),
    );
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
