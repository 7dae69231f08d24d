import postgres from "postgres";
import { E2E_DATABASE_URL } from "./stack-urls";

// Specs read the app's database to check what a user cannot see on screen: the ledger's
// invariant, payment states, webhook records. They never write to it.
const guard = new URL(E2E_DATABASE_URL);
if (!["127.0.0.1", "localhost", "::1"].includes(guard.hostname)) {
  throw new Error(`refusing to run browser tests against a non-local database (${guard.hostname})`);
}

export const sql = postgres(E2E_DATABASE_URL, { max: 4, onnotice: () => {} });

/** Every user whose cached balance, ledger sum and last balance_after disagree, or is negative. */
export async function ledgerInvariantViolations(): Promise<unknown[]> {
  const rows = await sql`
    with sums as (
      select user_id, sum(paid_delta)::int as paid, sum(bonus_delta)::int as bonus from point_entries group by user_id
    ), last_entries as (
      select distinct on (user_id) user_id, paid_balance_after, bonus_balance_after
      from point_entries order by user_id, created_at desc, id desc
    )
    select u.email, u.paid_balance, u.bonus_balance, s.paid, s.bonus, l.paid_balance_after, l.bonus_balance_after
    from users u
    left join sums s on s.user_id = u.id
    left join last_entries l on l.user_id = u.id
    where u.paid_balance <> coalesce(s.paid, 0)
       or u.bonus_balance <> coalesce(s.bonus, 0)
       or (l.user_id is not null and (u.paid_balance <> l.paid_balance_after or u.bonus_balance <> l.bonus_balance_after))
       or u.bonus_balance < 0
       -- The one exception: a payment cancelled outside the app after its points were spent.
       or (u.paid_balance < 0 and not exists (select 1 from point_entries x where x.user_id = u.id and x.kind = 'external_cancel'))`;
  return [...rows];
}

export async function paymentsOf(email: string) {
  return sql<{ id: string; status: string; amount: number; failure_reason: string | null }[]>`
    select p.id, p.status, p.amount, p.failure_reason from payments p join users u on u.id = p.user_id
    where u.email = ${email} order by p.created_at`;
}

export async function paymentStatus(paymentId: string): Promise<string | undefined> {
  const [row] = await sql<{ status: string }[]>`select status from payments where id = ${paymentId}`;
  return row?.status;
}

export async function ledgerOf(email: string) {
  return sql<{ kind: string; reference: string; paid_delta: number; bonus_delta: number }[]>`
    select e.kind, e.reference, e.paid_delta, e.bonus_delta from point_entries e join users u on u.id = e.user_id
    where u.email = ${email} order by e.created_at`;
}

export async function balanceOf(email: string): Promise<number> {
  const [row] = await sql<{ total: number }[]>`select paid_balance + bonus_balance as total from users where email = ${email}`;
  return row?.total ?? 0;
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}
