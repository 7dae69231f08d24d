import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** A development secret kept in .data so it survives restarts of `npm run dev`. */
export async function developmentSecret(dataFolder: string, name: "auth-secret" | "cron-secret"): Promise<string> {
  const file = path.join(dataFolder, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(33).toString("base64url");
  await mkdir(dataFolder, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
