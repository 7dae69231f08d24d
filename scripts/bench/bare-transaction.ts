import type postgres from "postgres";

/**
 * The database work of one completion, without HTTP, auth or PortOne: lock the payment, read its
 * refunds, mark it paid, lock the user, append the ledger entry and its lot, update the cached
 * balance. Same statements as syncPayment's transaction.
 */
export async function completeDirectly(sql: postgres.Sql, payment: { id: string; userId: string }): Promise<void> {
  await sql.begin(async (tx) => {
    const [row] = await tx`select * from payments where id = ${payment.id} for update`;
    if (!row || row.status !== "PENDING") return;
    await tx`select cancellation_id, status from refunds where payment_id = ${payment.id}`;
    await tx`update payments set status = 'PAID', updated_at = now(), transaction_id = ${"tx-" + payment.id},
      channel_type = 'TEST', pg_provider = 'TOSSPAYMENTS', paid_at = now(),
      method_details = '{"type":"CARD","publisher":"SHINHAN_CARD","issuer":"SHINHAN_CARD","installmentMonths":0}'
      where id = ${payment.id}`;
    const [balance] = await tx`select paid_balance, bonus_balance from users where id = ${payment.userId} for update`;
    const paidAfter = Number(balance!.paid_balance) + Number(row.paid_points);
    const bonusAfter = Number(balance!.bonus_balance) + Number(row.bonus_points);
    const inserted = await tx`insert into point_entries
      (user_id, kind, reference, paid_delta, bonus_delta, paid_balance_after, bonus_balance_after)
      values (${payment.userId}, 'charge', ${payment.id}, ${row.paid_points}, ${row.bonus_points}, ${paidAfter}, ${bonusAfter})
      on conflict (kind, reference) do nothing returning id, created_at`;
    if (inserted.length > 0) {
      await tx`insert into point_lots (user_id, entry_id, point_kind, amount, expires_at)
        values (${payment.userId}, ${inserted[0]!.id}, 'paid', ${row.paid_points}, ${inserted[0]!.created_at}::timestamptz + interval '5 years')`;
      await tx`update users set paid_balance = ${paidAfter}, bonus_balance = ${bonusAfter} where id = ${payment.userId}`;
    }
  });
}
