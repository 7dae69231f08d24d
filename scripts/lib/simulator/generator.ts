import { POINTS_PACKAGES } from "../../../lib/payments/catalog/packages";
import { PAY_OPTION_TABLE } from "../../../lib/payments/catalog/pay-option-table";
import { SHOP_ITEMS } from "../../../lib/points/shop-items";
import type { PayOutcome, Step } from "./steps";

// Won options only: the invariants in ./checks.ts count paid points 1:1 against the won PortOne
// holds (a dollar charge's points are the package's, its refunds pro rata in cents: see
// tests/domain/foreign-currency.test.ts).
const WON_OPTIONS = PAY_OPTION_TABLE.filter((option) => option.currency === "KRW");

/** mulberry32: a tiny seeded PRNG, so a seed alone reproduces a history. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  /** One key of `weights`, with probability proportional to its weight (0 = never). */
  const weighted = <K extends string>(weights: Record<K, number>): K => {
    const entries = Object.entries(weights) as [K, number][];
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) if ((roll -= weight) < 0) return key;
    return entries[0]![0];
  };
  return { int, pick, chance, weighted };
}

interface ModelPayment {
  label: string;
  user: string;
  virtualAccount: boolean;
  /** What the generator expects PortOne to hold; faults may make it wrong, which is fine. */
  state: "issued" | "paid" | "none";
}

/**
 * A history of `length` steps for `seed`: users sign up, then payments, PortOne events, refunds,
 * spends, reconcile runs and faults, chosen with weights and a rough model of what exists, so most
 * steps make sense (a deposit goes to an issued account) and some do not (a refund of a failed one).
 */
export function generateHistory(seed: number, length: number): Step[] {
  const random = randomSource(seed);
  const users = Array.from({ length: random.int(2, 3) }, (_, index) => `u${index + 1}`);
  const steps: Step[] = users.map((user) => ({ op: "signUp", user }));
  const payments: ModelPayment[] = [];
  const down = new Set<number>();
  const restarts = new Map<number, number>();
  const of = (state: ModelPayment["state"]) => payments.filter((payment) => payment.state === state);
  // Faults mostly about a payment with money or an account in play, where they matter.
  const somePayment = () => {
    const live = payments.filter((payment) => payment.state !== "none");
    return live.length && random.chance(0.75) ? random.pick(live).label : null;
  };

  while (steps.length < length) {
    for (const [instance, at] of restarts) {
      if (at <= steps.length) {
        steps.push({ op: "restart", instance });
        restarts.delete(instance);
        down.delete(instance);
      }
    }
    const op = random.weighted({
      pay: 18,
      complete: payments.length ? 3 : 0,
      deposit: of("issued").length ? 6 : 0,
      expireAccount: of("issued").length ? 2 : 0,
      closeAccount: of("issued").length ? 3 : 0,
      consoleCancel: of("paid").length ? 6 : 0,
      refund: of("paid").length ? 8 : 0,
      shop: 5,
      serviceSpend: 6,
      enableAutoCharge: 3,
      cardDecline: 2,
      reconcile: 4,
      apiFault: 6,
      webhookFault: 6,
      cancelFault: 5,
      crash: down.size === 0 ? 2 : 0,
    });
    switch (op) {
      case "pay": {
        const option = random.pick(WON_OPTIONS);
        const virtualAccount = option.payMethod === "VIRTUAL_ACCOUNT";
        const outcome = random.weighted<PayOutcome>({
          approve: virtualAccount ? 0 : 7,
          issue: virtualAccount ? 7 : 0,
          decline: 1,
          close: 1,
          abandon: 1,
        });
        const payment: ModelPayment = {
          label: `p${payments.length + 1}`,
          user: random.pick(users),
          virtualAccount,
          state: outcome === "approve" ? "paid" : outcome === "issue" ? "issued" : "none",
        };
        payments.push(payment);
        const via = random.weighted({ complete: 5, redirect: 3, gone: 2 });
        steps.push({
          op: "pay",
          user: payment.user,
          payment: payment.label,
          packageId: random.pick(POINTS_PACKAGES).id,
          payOption: option.id,
          outcome,
          via,
        });
        break;
      }
      case "complete":
        steps.push({ op, payment: random.pick(payments).label });
        break;
      case "deposit":
      case "expireAccount":
      case "closeAccount": {
        const payment = random.pick(of("issued"));
        payment.state = op === "deposit" ? "paid" : "none";
        steps.push({ op, payment: payment.label });
        break;
      }
      case "consoleCancel":
        steps.push({
          op,
          payment: random.pick(of("paid")).label,
          percent: random.chance(0.5) ? null : random.int(1, 9) * 10,
        });
        break;
      case "refund": {
        const payment = random.pick(of("paid")).label;
        // Sometimes an operator cancels in the console while our cancel call is on its way.
        const race = random.chance(0.25)
          ? { percent: random.chance(0.5) ? null : random.int(1, 9) * 10, hangMs: random.pick([500, 1_000, 2_500]) }
          : undefined;
        steps.push({ op, payment, ...(race ? { race } : {}) });
        break;
      }
      case "shop":
        steps.push({ op, user: random.pick(users), itemId: random.pick(SHOP_ITEMS).id });
        break;
      case "serviceSpend":
        steps.push({
          op,
          user: random.pick(users),
          amount: random.pick([500, 1_000, 3_000, 7_000]),
          order: `o${steps.length}`,
          sends: random.int(1, 3),
          concurrent: random.chance(0.5),
        });
        break;
      case "enableAutoCharge":
        steps.push({
          op,
          user: random.pick(users),
          margin: random.pick([100, 500, 2_000]),
          packageId: random.pick(["points-1000", "points-5000", "points-10000"]),
          monthlyLimit: random.int(1, 3),
          method: random.pick(["card", "kakaopay"] as const),
        });
        break;
      case "cardDecline":
        steps.push({ op, user: random.pick(users), count: random.int(1, 2) });
        break;
      case "reconcile":
        steps.push({ op });
        break;
      case "apiFault": {
        const kind = random.weighted({ error: 6, hang: 2, stale: 2 });
        const endpoints =
          kind === "stale"
            ? ["GET /payments/{paymentId}"]
            : [
                undefined,
                "GET /payments/{paymentId}",
                "POST /payments/{paymentId}/cancel",
                "POST /payments/{paymentId}/pre-register",
              ];
        steps.push({
          op,
          payment: somePayment(),
          kind,
          endpoint: random.pick(endpoints),
          count: random.int(1, 3),
          status: random.pick([500, 502, 503]),
        });
        break;
      }
      case "webhookFault":
        steps.push({
          op,
          payment: somePayment(),
          mode: random.pick(["drop", "duplicate", "reorder", "delay"] as const),
          count: random.int(1, 2),
          delayMs: random.int(3, 15) * 100,
        });
        break;
      case "cancelFault":
        steps.push({
          op,
          payment: somePayment(),
          outcome: random.chance(0.6) ? "pending" : "fail",
          settle: random.chance(0.7) ? "succeed" : "fail",
          settleAfterMs: random.int(2, 15) * 100,
        });
        break;
      case "crash": {
        const instance = random.int(0, 1);
        down.add(instance);
        restarts.set(instance, steps.length + random.int(2, 5));
        steps.push({ op, instance, afterMs: random.chance(0.5) ? 0 : random.int(1, 30) * 10 });
        break;
      }
    }
  }
  return steps.slice(0, length);
}
