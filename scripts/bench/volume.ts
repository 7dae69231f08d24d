import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import { emulatorDefaults } from "portone-emulator";

// A store some years in: 10,000 buyers with 100 ledger entries and 20 payments each.
export const VOLUME = { users: 10_000, entriesPerUser: 100, paymentsPerUser: 20 } as const;

const cardChannel = emulatorDefaults.channels.find((channel) => channel.payMethod === "CARD")!.key;

/**
 * Writes the volume straight in SQL, consistent with the ledger invariant (every 5th entry a
 * 1,000 P charge of one of the user's PAID payments with its lot, the others 100 P spends drawn
 * from the oldest lot), spread over the last 33 hours. Answers a few ids to aim requests at.
 */
export async function seedVolume(sql: postgres.Sql) {
  const tag = randomBytes(4).toString("hex");
  const { users, entriesPerUser, paymentsPerUser } = VOLUME;
  const chargeEvery = entriesPerUser / paymentsPerUser;
  const spendsPerLot = (1_000 / 100) as number;
  await sql.begin(async (tx) => {
    await tx`create temp table volume_users (id uuid primary key, n int not null) on commit drop`;
    await tx`
      with made as (
        insert into users (email, name, paid_balance)
        select ${`vol-${tag}-`} || n || '@example.com', '볼륨', ${paymentsPerUser * 1_000 - (entriesPerUser - paymentsPerUser) * 100}
        from generate_series(1, ${users}) n
        returning id, email)
      insert into volume_users select id, split_part(split_part(email, '@', 1), '-', 3)::int from made`;
    // Entry k of a user was written (100 - k) × 20 minutes ago; charge c is entry c × 5.
    await tx`
      insert into payments (id, user_id, package_id, order_name, amount, currency, paid_points, bonus_points,
        pay_option, channel_key, status, transaction_id, paid_at, created_at, updated_at)
      select ${`pc-vol-${tag}-`} || u.n || '-' || c, u.id, 'points-1000', '포인트 1,000P 충전', 1000, 'KRW', 1000, 0,
        'card', ${cardChannel}, 'PAID', 'tx-vol-' || u.n || '-' || c, t, t, t
      from volume_users u, generate_series(0, ${paymentsPerUser - 1}) c,
        lateral (select now() - make_interval(mins => (${entriesPerUser} - c * ${chargeEvery}) * 20)) at(t)`;
    // PortOne's webhook for each payment, as the webhook route records it.
    await tx`
      insert into webhook_events (webhook_id, type, payment_id, outcome, received_at, processed_at)
      select 'wh-' || p.id, 'Transaction.Paid', p.id, 'processed', p.paid_at, p.paid_at
      from payments p join volume_users u on u.id = p.user_id`;
    await tx`
      insert into point_entries (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after,
        bonus_balance_after, memo, created_at)
      select u.id,
        (case when k % ${chargeEvery} = 0 then 'charge' else 'spend' end)::point_entry_kind,
        case when k % ${chargeEvery} = 0 then ${`pc-vol-${tag}-`} || u.n || '-' || (k / ${chargeEvery})
          else ${`vol-${tag}-`} || u.n || '-spend-' || (k - k / ${chargeEvery} - 1) end,
        case when k % ${chargeEvery} = 0 then 1000 else -100 end, 0,
        1000 * (k / ${chargeEvery} + 1) - 100 * (k - k / ${chargeEvery}), 0,
        case when k % ${chargeEvery} = 0 then null else '상품 구매' end,
        now() - make_interval(mins => (${entriesPerUser} - k) * 20)
      from volume_users u, generate_series(0, ${entriesPerUser - 1}) k
      order by u.n, k`;
    await tx`
      insert into point_lots (user_id, entry_id, point_kind, amount, expires_at, created_at)
      select e.user_id, e.id, 'paid', 1000, e.created_at + interval '5 years', e.created_at
      from point_entries e join volume_users u on u.id = e.user_id
      where e.kind = 'charge'
      order by e.seq`;
    // Spend j of user n draws from the lot of charge j / 10 (which is always older).
    await tx`
      insert into point_lot_draws (lot_id, entry_id, amount)
      select l.id, s.id, 100
      from point_entries s
      join volume_users u on u.id = s.user_id
      join point_entries c on c.kind = 'charge'
        and c.reference = ${`pc-vol-${tag}-`} || u.n || '-' || (split_part(s.reference, '-', 5)::int / ${spendsPerLot})
      join point_lots l on l.entry_id = c.id
      where s.kind = 'spend'`;
  });
  await sql`analyze`;
  const [middle] = await sql<{ id: string; email: string }[]>`
    select id, email from users where email = ${`vol-${tag}-${users / 2}@example.com`}`;
  return {
    tag,
    user: middle!,
    paymentId: `pc-vol-${tag}-${users / 2}-7`,
    emailFragment: `vol-${tag}-${users / 3}@`,
  };
}

/**
 * PortOne's side of `count` of the volume's payments, as the emulator's state file: PAID, in
 * step with ours, each changed at its paid time. The record is the emulator's own, copied from
 * one real payment (`template`) with its ids and times replaced.
 */
export function emulatorStateFor(
  template: Record<string, unknown>,
  rows: { id: string; transactionId: string; paidAt: Date }[],
) {
  const payments = rows.map((row, index) => {
    const at = row.paidAt.toISOString();
    return {
      ...template,
      seq: index + 1,
      id: row.id,
      transactionId: row.transactionId,
      pgTxId: `pg-${row.transactionId}`,
      requestedAt: at,
      updatedAt: at,
      statusChangedAt: at,
      paidAt: at,
    };
  });
  return { nextSeq: rows.length + 1, payments, preRegistrations: [], billingKeys: [] };
}

/** The process's resident memory (kB), now and at its peak so far (Linux /proc). */
export async function residentKb(pid: number): Promise<{ now: number; peak: number }> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { now: field("VmRSS"), peak: field("VmHWM") };
}
