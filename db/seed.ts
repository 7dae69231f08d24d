import bcrypt from "bcryptjs";
import postgres from "postgres";
import { changeAdminRole } from "./admin-roles";
import { DEMO_USER } from "./demo-user";

/**
 * Creates the demo user if it is missing and makes it an admin, recorded like an operator's
 * grant; run by `npm run dev` only, never in production.
 */
export async function seedDemoUser(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const passwordHash = await bcrypt.hash(DEMO_USER.password, 11);
    await sql`
      insert into users (email, name, password_hash)
      values (${DEMO_USER.email}, ${DEMO_USER.name}, ${passwordHash})
      on conflict (email) do nothing`;
    await changeAdminRole(sql, { email: DEMO_USER.email, action: "grant", actor: "npm run dev (demo seed)" });
  } finally {
    await sql.end();
  }
}
