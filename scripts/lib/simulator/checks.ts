import { LEDGER_INVARIANT_VIOLATIONS } from "../../../db/ledger-invariant";
import type { ReconcileAnswer } from "./app-client";
import type { RawPayment } from "./emulator-client";
import type { Run, Trace } from "./runner";
import { somethingToFix } from "./settle";

/**
 * The invariants after a settled history. Per payment, from the code (lib/payments/sync/,
 * lib/payments/refunds/): every package's paid points equal its price, a refund takes back paid
 * points equal to the won it returns, and an outside cancel takes paid points in proportion to
 * the amount (1:1 here, the last one exactly the rest). So the paid points a payment's ledger
 * entries add up to (its charge, its refunds and their reversals, its external_cancel entries)
 * equal the won PortOne still holds for it: paid − cancelled, 0 when no money arrived. Bonus is
 * taken back only "as far as held", so it is checked within [0, granted], and equal to the grant
 * while PortOne cancelled nothing.
 */
export interface Verdict {
  failures: string[];
  checked: number;
}

type Row = {
  id: string;
  status: string;
  paid_points: number;
  bonus_points: number;
  net_paid: number;
  net_bonus: number;
};
type RefundRow = { payment_id: string; status: string; amount: number; cancellation_id: string | null };

export async function checkHistory(run: Run, trace: Trace, last: ReconcileAnswer): Promise<Verdict> {
  const failures: string[] = [];
  let checked = 0;
  const expect = (ok: boolean, failure: () => string) => {
    checked += 1;
    if (!ok) failures.push(failure());
  };
  const userIds = [...trace.users.values()].map((user) => user.id);
  const rows = await run.sql<Row[]>`
    select p.id, p.status, p.paid_points, p.bonus_points,
      coalesce(sum(e.paid_delta), 0)::int as net_paid, coalesce(sum(e.bonus_delta), 0)::int as net_bonus
    from payments p
    left join point_entries e on (e.kind = 'charge' and e.reference = p.id)
      or (e.kind = 'refund' and e.reference in (select r.id::text from refunds r where r.payment_id = p.id
                                                 union select r.id::text || ':reversal' from refunds r where r.payment_id = p.id))
      or (e.kind = 'external_cancel' and e.reference in (select r.cancellation_id from refunds r where r.payment_id = p.id and r.origin = 'outside'))
    where p.user_id = any(${userIds}::uuid[])
    group by p.id`;
  const refunds = await run.sql<
    RefundRow[]
  >`select payment_id, status, amount, cancellation_id from refunds where user_id = any(${userIds}::uuid[])`;

  for (const row of rows) {
    const remote = await run.emulator.payment(row.id);
    const held = Math.max(0, (remote?.amount?.paid ?? 0) - (remote?.amount?.cancelled ?? 0));
    const cancelled = remote?.amount?.cancelled ?? 0;
    const label = `${labelOf(trace, row.id)} (${row.id}, ours ${row.status}, PortOne ${remote?.status ?? "none"} paid ${remote?.amount?.paid ?? 0} cancelled ${cancelled})`;
    expect(
      expectedStatuses(remote).includes(row.status),
      () => `${label}: status should be ${expectedStatuses(remote).join(" or ")}`,
    );
    expect(
      row.net_paid === held,
      () => `${label}: its ledger entries add up to ${row.net_paid} paid points, PortOne holds ${held} won`,
    );
    const bonusOk =
      row.net_bonus >= 0 &&
      row.net_bonus <= row.bonus_points &&
      (cancelled > 0 || row.net_bonus === (held > 0 ? row.bonus_points : 0));
    expect(bonusOk, () => `${label}: net bonus ${row.net_bonus} of ${row.bonus_points} granted`);

    const injected = trace.apiFaulted.has("*") || trace.apiFaulted.has(labelOf(trace, row.id));
    // The balancer's own 502s (an instance killed mid-request, or both down) are not the app's.
    const failed = (await run.emulator.webhooks(row.id)).filter((attempt) => /^5\d\d$/.test(attempt.outcome));
    const byTheApp = failed.slice(run.stack.balancer.failuresFor(row.id));
    for (const attempt of injected ? [] : byTheApp) {
      expect(
        false,
        () => `${label}: webhook ${attempt.type} answered ${attempt.outcome} without an injected PortOne fault`,
      );
    }

    const succeeded = (remote?.cancellations ?? []).filter((cancellation) => cancellation.status === "SUCCEEDED");
    const ours = refunds.filter((refund) => refund.payment_id === row.id);
    expect(
      !ours.some((refund) => refund.status === "REQUESTED"),
      () => `${label}: a refund is still REQUESTED after settling`,
    );
    for (const refund of ours.filter((candidate) => candidate.status === "COMPLETED")) {
      const match = succeeded.find((cancellation) => cancellation.id === refund.cancellation_id);
      expect(
        match?.totalAmount === refund.amount,
        () =>
          `${label}: completed refund of ${refund.amount} (cancellation ${refund.cancellation_id}) has no equal PortOne cancellation`,
      );
    }
    for (const cancellation of succeeded) {
      const count = ours.filter(
        (refund) => refund.status === "COMPLETED" && refund.cancellation_id === cancellation.id,
      ).length;
      expect(
        count === 1,
        () =>
          `${label}: PortOne cancellation ${cancellation.id} of ${cancellation.totalAmount} is accounted for by ${count} refunds`,
      );
    }
  }

  const violations = await run.sql.unsafe<{ user_id: string; problem: string }[]>(LEDGER_INVARIANT_VIOLATIONS);
  for (const user of trace.users.values()) {
    const problem = violations.find((violation) => violation.user_id === user.id)?.problem;
    expect(!problem, () => `ledger of ${user.email}: ${problem}`);
  }
  for (const response of trace.responses.filter((candidate) => candidate.status >= 500)) {
    const injected =
      trace.apiFaulted.has("*") || (response.payment !== undefined && trace.apiFaulted.has(response.payment));
    expect(
      injected,
      () => `step ${response.step}: ${response.what} answered ${response.status} without an injected PortOne fault`,
    );
  }
  checked += trace.responses.length;
  for (const replay of trace.replays) {
    const answers = new Set(
      replay.answers.filter((answer) => !answer.startsWith("network:") && !answer.startsWith('{"status":5')),
    );
    expect(
      answers.size <= 1,
      () => `order ${replay.order}: one Idempotency-Key got different answers ${[...answers].join(" / ")}`,
    );
  }
  expect(!somethingToFix(last), () => `reconcile still finds work after settling: ${JSON.stringify(last)}`);
  return { failures, checked };
}

/** Our status once everything settled, by what PortOne finally shows. */
function expectedStatuses(remote: RawPayment | null): string[] {
  const expired = remote?.method?.expiredAt !== undefined && Date.parse(remote.method.expiredAt) <= Date.now();
  switch (remote?.status) {
    case undefined:
    case "READY":
      return ["EXPIRED"];
    case "FAILED":
      return ["FAILED", "EXPIRED"];
    case "VIRTUAL_ACCOUNT_ISSUED":
      return expired ? ["EXPIRED"] : ["VIRTUAL_ACCOUNT_ISSUED"];
    case "PAID":
      return ["PAID"];
    case "PARTIAL_CANCELLED":
      return ["PARTIALLY_REFUNDED"];
    case "CANCELLED":
      return (remote.amount?.paid ?? 0) > 0 ? ["REFUNDED"] : ["EXPIRED"];
    default:
      return [`(PortOne status ${remote?.status})`];
  }
}

const labelOf = (trace: Trace, paymentId: string) =>
  [...trace.payments.entries()].find(([, payment]) => payment.id === paymentId)?.[0] ?? "?";
