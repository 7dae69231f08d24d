import os from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { z } from "zod";
import { changeAdminRole, listAdmins, type AdminRoleAction } from "../db/admin-roles";
import { EnvError, parseDatabaseUrl } from "../lib/env-schema";

/**
 * `npm run admin -- grant <email> | revoke <email> | list [--by <name>]`: the only way to make
 * an admin. Exit codes: 0 done (or nothing to do), 1 no account with that e-mail, 2 bad usage or
 * configuration.
 */
const USAGE =
  "Usage: npm run admin -- grant <email> [--by <name>]\n       npm run admin -- revoke <email> [--by <name>]\n       npm run admin -- list";

const commandSchema = z.discriminatedUnion("command", [
  z.object({ command: z.enum(["grant", "revoke"]), email: z.string().trim().toLowerCase().pipe(z.email()) }),
  z.object({ command: z.literal("list") }),
]);

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function parseCommand() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { by: { type: "string" } } });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : error}\n${USAGE}`, 2);
  }
  const [command, email, ...extra] = parsed.positionals;
  const result = commandSchema.safeParse({ command, email });
  if (!result.success || extra.length > 0 || (command === "list" && email)) fail(USAGE, 2);
  const actor = parsed.values.by?.trim() || `${os.userInfo().username}@${os.hostname()}`;
  return { ...result.data, actor };
}

const MESSAGES: Record<AdminRoleAction, Record<"changed" | "unchanged", (email: string) => string>> = {
  grant: {
    changed: (email) => `${email} is now an admin.`,
    unchanged: (email) => `${email} is already an admin; nothing changed.`,
  },
  revoke: {
    changed: (email) => `${email} is no longer an admin.`,
    unchanged: (email) => `${email} is not an admin; nothing changed.`,
  },
};

const request = parseCommand();
let databaseUrl: string;
try {
  databaseUrl = parseDatabaseUrl(process.env);
} catch (error) {
  fail(error instanceof EnvError ? error.message : String(error), 2);
}

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
let exitCode = 0;
try {
  if (request.command === "list") {
    const admins = await listAdmins(sql);
    if (admins.length === 0) console.log("No admins.");
    for (const admin of admins) {
      const granted = admin.grantedAt
        ? `granted ${admin.grantedAt.toISOString()} by ${admin.grantedBy}`
        : "no grant on record";
      console.log(`${admin.email}\t${granted}`);
    }
  } else {
    const outcome = await changeAdminRole(sql, { email: request.email, action: request.command, actor: request.actor });
    if (outcome === "no-such-user") {
      console.error(`No account with the e-mail ${request.email}. The person must sign up first.`);
      exitCode = 1;
    } else {
      console.log(MESSAGES[request.command][outcome](request.email));
    }
  }
} finally {
  await sql.end();
}
process.exit(exitCode);
