import type { AppClient } from "./app-client";
import type { Run, Trace } from "./runner";
import type { Step } from "./steps";

type Context = Run & { app: AppClient; trace: Trace; step: Step; seed: number; base: string };

const PASSWORD = "simulated-password-1234";

/** Carries out one step over HTTP; false when it names a user or payment the history never created. */
export async function executeStep(context: Context): Promise<boolean> {
  const { app, emulator, trace, step, base } = context;
  // A pay step names the payment it creates; every other step names one that must exist.
  const named = step.op !== "pay" && "payment" in step ? step.payment : null;
  const payment = named ? trace.payments.get(named) : undefined;
  if (named && !payment) return false;
  const user = "user" in step ? trace.users.get(step.user) : payment && trace.users.get(payment.user);
  if (step.op !== "signUp" && "user" in step && !user) return false;
  const owner = payment && trace.users.get(payment.user);
  const faultTarget = () => (payment ? { paymentId: payment.id } : { global: true });

  switch (step.op) {
    case "signUp": {
      const email = `sim-${context.seed}-${step.user}-${Date.now().toString(36)}@simulate.pointcharge.dev`;
      const session = await app.signUp(base, email, PASSWORD);
      const [row] = await context.sql<{ id: string }[]>`select id from users where email = ${email}`;
      if (!row) throw new Error(`sign-up of ${email} made no user`);
      trace.users.set(step.user, { ...session, id: row.id });
      return true;
    }
    case "pay":
      return pay(context, step, user!);
    case "complete":
      await app.complete(base, owner!, payment!.id);
      return true;
    case "deposit":
    case "expireAccount": {
      const answer =
        step.op === "deposit" ? await emulator.deposit(payment!.id) : await emulator.expireAccount(payment!.id);
      if (!answer.ok) trace.notes.push(`${step.op} ${step.payment}: ${answer.status}`);
      return true;
    }
    case "closeAccount":
      await app.closeDeposit(base, owner!, payment!.id);
      return true;
    case "consoleCancel":
      return consoleCancel(context, payment!.id, step.percent);
    case "refund": {
      const { race } = step;
      if (race) {
        await emulator.apiFault({
          paymentId: payment!.id,
          kind: "hang",
          count: 1,
          status: 500,
          hangMs: race.hangMs,
          endpoint: "POST /payments/{paymentId}/cancel",
        });
      }
      const refunding = app.refund(base, owner!, payment!.id);
      // Awaited below; an instance killed mid-way may reject it before then.
      refunding.catch(() => {});
      if (race) {
        await sleep(Math.min(300, race.hangMs / 2));
        await consoleCancel(context, payment!.id, race.percent);
      }
      const answer = await refunding;
      if (!answer.offered) trace.notes.push(`refund of ${step.payment}: no refund offered`);
      return true;
    }
    case "shop":
      await app.buy(base, user!, step.itemId);
      return true;
    case "serviceSpend": {
      const body = { userId: user!.id, amount: step.amount, description: "시뮬레이션 주문" };
      const key = `sim-${context.seed}-${step.order}-${user!.id.slice(0, 8)}`;
      const send = () =>
        app.serviceSpend(base, body, key).then(canonical, (error: unknown) => `network: ${String(error)}`);
      const sends = Array.from({ length: step.sends }, () => send);
      const answers = step.concurrent ? await Promise.all(sends.map((one) => one())) : await sequentially(sends);
      trace.replays.push({ order: step.order, answers });
      return true;
    }
    case "enableAutoCharge":
      return enableAutoCharge(context, step, user!);
    case "cardDecline": {
      const billingKey = trace.cards.get(step.user);
      if (!billingKey) return false;
      await emulator.declineCard(billingKey, step.count);
      return true;
    }
    case "reconcile":
      await app.reconcile(base);
      return true;
    case "apiFault":
      await emulator.apiFault({
        ...faultTarget(),
        kind: step.kind,
        count: step.count,
        status: step.status,
        hangMs: 3_000,
        endpoint: step.endpoint,
      });
      return true;
    case "webhookFault":
      await emulator.webhookFault({ ...faultTarget(), mode: step.mode, count: step.count, delayMs: step.delayMs });
      return true;
    case "cancelFault":
      await emulator.cancellationFault({
        ...faultTarget(),
        outcome: step.outcome,
        settle: step.settle,
        settleAfterMs: step.settleAfterMs,
      });
      return true;
    case "crash":
    case "restart":
      throw new Error(`${step.op} is the runner's`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The console's cancel of `percent` of what is left at PortOne (rounded down to 100 won), or all of it. */
async function consoleCancel(context: Context, paymentId: string, percent: number | null): Promise<boolean> {
  const { emulator, trace } = context;
  const remote = await emulator.rawPayment(paymentId);
  const left = (remote?.amount?.total ?? 0) - (remote?.amount?.cancelled ?? 0);
  const amount = percent === null ? undefined : Math.floor((left * percent) / 10_000) * 100;
  if (left <= 0 || amount === 0) return false;
  if (!(await emulator.consoleCancel(paymentId, amount))) trace.notes.push(`console cancel of ${paymentId} refused`);
  return true;
}

/** JSON with sorted keys: a replayed answer comes back from jsonb, whose key order is its own. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

async function sequentially(sends: (() => Promise<string>)[]): Promise<string[]> {
  const answers: string[] = [];
  for (const send of sends) answers.push(await send());
  return answers;
}

/** Checkout (our PENDING row), PortOne's window answered over HTTP, then the browser's or phone's return. */
async function pay(context: Context, step: Extract<Step, { op: "pay" }>, session: Session): Promise<boolean> {
  const { app, emulator, trace, base } = context;
  const started = await app.checkout(base, session, step.packageId, step.payOption);
  const request = started.ok === true ? (started.data as Record<string, unknown>) : undefined;
  if (!request) {
    trace.notes.push(`checkout of ${step.payment} refused: ${JSON.stringify(started)}`);
    return true;
  }
  const paymentId = String(request.paymentId);
  trace.payments.set(step.payment, { id: paymentId, user: step.user });
  const phone = step.via === "redirect";
  const txId = await emulator.openWindow(request, phone);
  if (step.outcome === "abandon") return true;
  const location = await emulator.answerWindow(txId, step.outcome);
  if (phone && location) {
    const back = new URL(location);
    await app.page(base, session, `${back.pathname}${back.search}`);
  } else if (step.via === "complete") {
    await app.complete(base, session, paymentId);
  }
  return true;
}

/**
 * The payment-methods page: 카드 등록 or 카카오페이 등록 through PortOne's window (a phone's redirect
 * back), then the rule form.
 */
async function enableAutoCharge(
  context: Context,
  step: Extract<Step, { op: "enableAutoCharge" }>,
  session: Session & { id: string },
): Promise<boolean> {
  const { app, emulator, trace, base } = context;
  const started = await app.startRegistration(base, session, step.method);
  const request = started.ok === true ? (started.data as Record<string, unknown>) : undefined;
  if (!request) {
    trace.notes.push(`${step.method} registration of ${step.user} refused: ${JSON.stringify(started)}`);
    return true;
  }
  const location = await emulator.answerWindow(await emulator.openBillingKeyWindow(request), "approve");
  const back = location ? new URL(location) : null;
  const billingKey = back?.searchParams.get("billingKey");
  if (!back || !billingKey) {
    trace.notes.push(`${step.method} window of ${step.user} gave no key`);
    return true;
  }
  await app.page(base, session, `${back.pathname}${back.search}`);
  trace.cards.set(step.user, billingKey);
  const [balance] = await context.sql<{ total: number }[]>`
    select paid_balance + bonus_balance as total from users where id = ${session.id}`;
  const threshold = Math.max(100, Math.floor(((balance?.total ?? 0) - step.margin) / 100) * 100);
  const rule = await app.createLowBalanceRule(base, session, { ...step, threshold });
  if (rule.ok !== true) trace.notes.push(`auto-charge rule of ${step.user} refused: ${JSON.stringify(rule)}`);
  return true;
}

type Session = Parameters<AppClient["complete"]>[1];
