import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** A development AUTH_SECRET kept in .data so sessions survive restarts of `npm run dev`. */
export async function developmentAuthSecret(dataFolder: string): Promise<string> {
  const file = path.join(dataFolder, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(33).toString("base64");
  await mkdir(dataFolder, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
