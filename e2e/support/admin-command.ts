import { execFile } from "node:child_process";
import { E2E_DATABASE_URL } from "./stack-urls";

/** `npm run admin -- …` against the test stack's database, as an operator would run it. */
export function runAdminCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/admin.ts", ...args],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
