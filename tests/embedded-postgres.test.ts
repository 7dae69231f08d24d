import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../db/embedded";
import { freePort } from "../scripts/lib/processes";

describe("embedded PostgreSQL", () => {
  it("is not loaded by a stack that does not start it, so its exit-at-once signal handlers stay out", () => {
    // A stack on DATABASE_URL must run its own shutdown (stop next start, the topology's
    // PgBouncer and nginx) on SIGTERM; the package's handlers would exit the process first.
    const listeners = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        "await import('./scripts/lib/database.ts'); console.log(process.listenerCount('SIGTERM'), process.listenerCount('SIGINT'))",
      ],
      { encoding: "utf8" },
    ).trim();
    expect(listeners).toBe("0 0");
  });

  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it("starts, keeps its data across a restart, and stops", async () => {
    // The folder itself, not one inside it: mkdtemp's 0700 would keep the `postgres` user out.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "points-embedded-"));
    folders.push(dataDir);
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const sql = postgres(first.url, { max: 1, onnotice: () => {} });
    await sql`create table notes (body text)`;
    await sql`insert into notes values ('kept')`;
    await sql.end();
    await first.stop();
    await expect(postgres(first.url, { max: 1, connect_timeout: 2 })`select 1`).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    try {
      expect(await again`select body from notes`).toEqual([{ body: "kept" }]);
    } finally {
      await again.end();
      await second.stop();
    }
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
  });

  it("removes a temporary data folder when it stops", async () => {
    // The folder itself, not one inside it: mkdtemp's 0700 would keep the `postgres` user out.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "points-embedded-"));
    folders.push(dataDir);
    const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    const sql = postgres(database.url, { max: 1 });
    expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
    await sql.end();
    await database.stop();
    expect(existsSync(dataDir)).toBe(false);
  });

  it.skipIf(process.getuid?.() !== 0)(
    "stops at once, saying why, when root starts it inside a private folder",
    async () => {
      const privateFolder = await mkdtemp(path.join(os.tmpdir(), "points-private-"));
      folders.push(privateFolder);
      const dataDir = path.join(privateFolder, "postgres");
      await expect(startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false })).rejects.toThrow(
        `${privateFolder} does not let other users through`,
      );
      expect(existsSync(dataDir)).toBe(false);
    },
  );
});
