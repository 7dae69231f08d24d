import postgres from "postgres";
import { LEDGER_INVARIANT_VIOLATIONS } from "../../db/ledger-invariant";
import { E2E_DATABASE_URL } from "./stack-urls";

// Specs read the app's database to check what a user cannot see on screen: the ledger's
// invariant, payment states, webhook records, consents. They never write to it, except to make
// an account as a Kakao, Naver or Google sign-up makes it (no provider runs in the test stack),
// and to move a credit's expiry (nobody can wait five years).
const guard = new URL(E2E_DATABASE_URL);
if (!["127.0.0.1", "localhost", "::1"].includes(guard.hostname)) {
  throw new Error(`refusing to run browser tests against a non-local database (${guard.hostname})`);
}

export const sql = postgres(E2E_DATABASE_URL, { max: 4, onnotice: () => {} });

/** Every user whose cached balance, ledger sum and last balance_after disagree, or is negative. */
export async function ledgerInvariantViolations(): Promise<unknown[]> {
  return [...(await sql.unsafe(LEDGER_INVARIANT_VIOLATIONS))];
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
    where u.email = ${email} order by e.seq`;
}

export async function balanceOf(email: string): Promise<number> {
  const [row] = await sql<
    { total: number }[]
  >`select paid_balance + bonus_balance as total from users where email = ${email}`;
  return row?.total ?? 0;
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** Counts and sums of everything money touches: equal before and after means nothing moved. */
export async function moneySnapshot() {
  const [row] = await sql`
    select
      (select count(*)::int from payments) as payments,
      (select coalesce(sum(amount), 0)::text from payments) as payment_amounts,
      (select coalesce(json_object_agg(status, n), '{}') from (select status, count(*)::int as n from payments group by status) s) as payment_statuses,
      (select count(*)::int from point_entries) as ledger_entries,
      (select coalesce(sum(paid_delta), 0)::text || '/' || coalesce(sum(bonus_delta), 0)::text from point_entries) as ledger_deltas,
      (select coalesce(sum(paid_balance), 0)::text || '/' || coalesce(sum(bonus_balance), 0)::text from users) as balances`;
  return row;
}

export async function consentsOf(email: string) {
  return sql<{ document: string; version: string; agreed: boolean; context: string; created_at: Date }[]>`
    select c.document, c.version, c.agreed, c.context, c.created_at from consents c join users u on u.id = c.user_id
    where u.email = ${email} order by c.created_at, c.document::text`;
}

/**
 * A password account as an OAuth sign-up leaves it: no consent from a sign-up form. `agreedTo`
 * gives it agreements to other (older) versions of texts, as a user from before a text changed.
 */
export async function accountWithoutConsents(
  user: { email: string; name: string; passwordHash: string },
  agreedTo: { document: string; version: string }[] = [],
) {
  const [row] = await sql<{ id: string }[]>`
    insert into users (email, name, password_hash) values (${user.email}, ${user.name}, ${user.passwordHash}) returning id`;
  for (const { document, version } of agreedTo)
    await sql`insert into consents (user_id, document, version, text_sha256, agreed, context)
      values (${row!.id}, ${document}, ${version}, 'earlier-text', true, 'checkout')`;
}

/** Moves the expiry of a charge's points of `kind` to `days` from now (negative: already past). */
export async function moveCreditExpiry(paymentId: string, kind: "paid" | "bonus", days: number) {
  await sql`update point_lots set expires_at = now() + make_interval(secs => ${days * 86_400})
    where point_kind = ${kind} and entry_id = (select id from point_entries where kind = 'charge' and reference = ${paymentId})`;
}
