/**
 * The ledger's invariant as one query: every user whose cached balance, ledger sum and last
 * balance_after disagree, whose lots (README "Points validity") do not hold exactly the points of
 * each kind (none while it is negative), or whose balance is negative outside the one documented
 * case (a payment cancelled at PortOne after its points were spent). Plain SQL text, so the reconciler
 * and the browser tests check exactly the same thing. Returns (user_id, email, problem).
 *
 * The users checked are those of a `scope` CTE (a `user_id` column) that precedes this text.
 */
export const LEDGER_INVARIANT_AFTER_SCOPE = `
  , sums as (
    select user_id, sum(paid_delta)::int as paid, sum(bonus_delta)::int as bonus from point_entries
    where user_id in (select user_id from scope) group by user_id
  ), last_entries as (
    select distinct on (user_id) user_id, paid_balance_after, bonus_balance_after
    from point_entries where user_id in (select user_id from scope) order by user_id, seq desc
  ), lot_sums as (
    select l.user_id,
      coalesce(sum(l.amount - coalesce(d.drawn, 0)) filter (where l.point_kind = 'paid'), 0)::int as paid,
      coalesce(sum(l.amount - coalesce(d.drawn, 0)) filter (where l.point_kind = 'bonus'), 0)::int as bonus
    from point_lots l
    left join (select lot_id, sum(amount) as drawn from point_lot_draws group by lot_id) d on d.lot_id = l.id
    where l.user_id in (select user_id from scope)
    group by l.user_id
  )
  select u.id as user_id, u.email,
    case
      when u.paid_balance <> coalesce(s.paid, 0) or u.bonus_balance <> coalesce(s.bonus, 0) then 'balance differs from the sum of entries'
      when l.user_id is not null and (u.paid_balance <> l.paid_balance_after or u.bonus_balance <> l.bonus_balance_after) then 'balance differs from the last balance_after'
      when coalesce(t.paid, 0) <> greatest(u.paid_balance, 0) or coalesce(t.bonus, 0) <> greatest(u.bonus_balance, 0) then 'lots differ from the balance'
      else 'negative balance'
    end as problem
  from users u
  join scope on scope.user_id = u.id
  left join sums s on s.user_id = u.id
  left join last_entries l on l.user_id = u.id
  left join lot_sums t on t.user_id = u.id
  where u.paid_balance <> coalesce(s.paid, 0)
     or u.bonus_balance <> coalesce(s.bonus, 0)
     or (l.user_id is not null and (u.paid_balance <> l.paid_balance_after or u.bonus_balance <> l.bonus_balance_after))
     or coalesce(t.paid, 0) <> greatest(u.paid_balance, 0)
     or coalesce(t.bonus, 0) <> greatest(u.bonus_balance, 0)
     or u.bonus_balance < 0
     or (u.paid_balance < 0 and not exists (select 1 from point_entries x where x.user_id = u.id and x.kind = 'external_cancel'))`;

/** The invariant over every user. */
export const LEDGER_INVARIANT_VIOLATIONS = `with scope as (select id as user_id from users)${LEDGER_INVARIANT_AFTER_SCOPE}`;
