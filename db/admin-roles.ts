import type postgres from "postgres";

export type AdminRoleAction = "grant" | "revoke";
export type AdminRoleOutcome = "changed" | "unchanged" | "no-such-user";

/**
 * Grants or revokes admin rights of an existing account, recording who did it in
 * admin_role_changes. The only writer of `users.is_admin`: an operator's command (`npm run admin`)
 * and the development seed call it, no request handler does. Nothing changes, and nothing is
 * recorded, when the account already has the wanted state.
 */
export async function changeAdminRole(
  sql: postgres.Sql,
  change: { email: string; action: AdminRoleAction; actor: string },
): Promise<AdminRoleOutcome> {
  const wanted = change.action === "grant";
  return sql.begin(async (tx) => {
    // Locked, so two operators running the same grant at once record it once.
    const [user] = await tx<{ id: string; is_admin: boolean }[]>`
      select id, is_admin from users where email = ${change.email} for update`;
    if (!user) return "no-such-user" as const;
    if (user.is_admin === wanted) return "unchanged" as const;
    await tx`update users set is_admin = ${wanted} where id = ${user.id}`;
    await tx`insert into admin_role_changes (user_id, action, actor) values (${user.id}, ${change.action}, ${change.actor})`;
    return "changed" as const;
  });
}

export interface AdminListing {
  email: string;
  grantedBy: string | null;
  grantedAt: Date | null;
}

/** Every admin with the latest grant on record (none for admins flagged before the record existed). */
export async function listAdmins(sql: postgres.Sql): Promise<AdminListing[]> {
  const rows = await sql<{ email: string; actor: string | null; created_at: Date | null }[]>`
    select u.email, g.actor, g.created_at
    from users u
    left join lateral (
      select actor, created_at from admin_role_changes c
      where c.user_id = u.id and c.action = 'grant' order by c.created_at desc limit 1
    ) g on true
    where u.is_admin
    order by u.email`;
  return rows.map((row) => ({ email: row.email, grantedBy: row.actor, grantedAt: row.created_at }));
}
