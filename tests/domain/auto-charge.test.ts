import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { controlPortOne, domainSuite, paidCharge, pointsOf } from "../support/domain";
import {
  autoChargesOf,
  lowBalanceRule,
  monthlyRule,
  registerCard,
  registerPaymentMethod,
  ruleState,
} from "../support/billing";

const suite = domainSuite();

async function spend(userId: string, amount: number) {
  const { spendPoints } = await import("@/lib/points/spend");
  const result = await spendPoints({ userId, amount, reference: `test-${crypto.randomUUID()}`, memo: "상품" });
  if (!result.ok) throw new Error(`spend refused: ${result.code}`);
  return result;
}

async function billingKeyAtPortOne(billingKey: string) {
  const response = await fetch(`${suite.emulator.url}/billing-keys/${billingKey}`, {
    headers: { Authorization: `PortOne ${suite.emulator.config.apiSecret}` },
  });
  return (await response.json()) as { status: string };
}

const minutes = (count: number) => count * 60_000;

/** The subjects of the mail queued for an address, oldest first. */
async function mailTo(email: string) {
  const { db } = await import("@/db");
  const { mailOutbox } = await import("@/db/schema");
  const { asc, eq } = await import("drizzle-orm");
  const rows = await db
    .select({ subject: mailOutbox.subject, text: mailOutbox.text })
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(asc(mailOutbox.createdAt));
  return rows;
}

describe("payment methods", () => {
  it("a registered card is shown masked, belongs to its user only, and is deleted at PortOne too", async () => {
    const { userId } = await paidCharge(suite, "card-owner@example.com");
    const { userId: otherId } = await paidCharge(suite, "card-thief@example.com");
    const { paymentMethodId, billingKey } = await registerCard(suite, userId, { cardCompany: "SAMSUNG_CARD" });
    const { listPaymentMethods, removePaymentMethod, syncBillingKey } = await import("@/lib/billing/payment-methods");

    const [card] = await listPaymentMethods(userId);
    expect(card).toMatchObject({ id: paymentMethodId, cardName: "삼성카드" });
    expect(card!.cardNumber).toMatch(/^\d{6}\*{6}\d{4}$/);
    // Another signed-in user posting the key gets nothing, and the card stays its owner's.
    expect(await syncBillingKey(billingKey, otherId)).toEqual({ ok: false, code: "not_found" });
    expect(await listPaymentMethods(otherId)).toEqual([]);
    expect(await removePaymentMethod(otherId, paymentMethodId)).toEqual({ ok: false, code: "not_found" });

    expect(await removePaymentMethod(userId, paymentMethodId)).toEqual({ ok: true });
    expect(await listPaymentMethods(userId)).toEqual([]);
    expect(await billingKeyAtPortOne(billingKey)).toMatchObject({ status: "DELETED" });
  });

  it("a key PortOne issued for another customer than the row's user is refused", async () => {
    const { userId } = await paidCharge(suite, "issue-owner@example.com");
    const { startPaymentMethodRegistration, syncBillingKey, listPaymentMethods } =
      await import("@/lib/billing/payment-methods");
    const started = await startPaymentMethodRegistration({ id: userId, name: null, email: null });
    if (!started.ok) throw new Error(started.code);
    // A hostile browser keeps our issueId but names another customer.
    const request = { ...started.request, customer: { customerId: "someone-else" } };
    const opened = await fetch(`${suite.emulator.url}/checkout-api/billing-keys`, {
      method: "POST",
      body: JSON.stringify({ request, mode: "REDIRECTION", parentOrigin: "http://localhost:3000", pageUrl: "/" }),
    });
    const { txId } = (await opened.json()) as { txId: string };
    const answered = await fetch(`${suite.emulator.url}/checkout/${txId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "outcome=approve",
      redirect: "manual",
    });
    const billingKey = new URL(answered.headers.get("location")!).searchParams.get("billingKey")!;
    expect(await syncBillingKey(billingKey, userId)).toEqual({ ok: false, code: "not_ours" });
    expect(await listPaymentMethods(userId)).toEqual([]);
  });

  it("a KakaoPay key (its card or its balance) is bound on KakaoPay's billing channel and charged there as 카카오페이", async () => {
    const { userId } = await paidCharge(suite, "kakaopay-owner@example.com");
    const { listPaymentMethods } = await import("@/lib/billing/payment-methods");
    const { paymentMethodLabel } = await import("@/lib/billing/rule-text");
    const { translatorOf } = await import("@/lib/i18n/translator");
    const byCard = await registerPaymentMethod(suite, userId, {
      method: "kakaopay",
      fields: { easyPayMethod: "CARD", cardCompany: "SHINHAN_CARD" },
    });
    const byBalance = await registerPaymentMethod(suite, userId, {
      method: "kakaopay",
      fields: { easyPayMethod: "CHARGE" },
    });
    expect(byCard.synced).toMatchObject({ ok: true, status: "ACTIVE" });
    expect(byBalance.synced).toMatchObject({ ok: true, status: "ACTIVE" });
    const names = translatorOf("ko", "paymentMethodNames");
    const labels = (await listPaymentMethods(userId)).map((method) => paymentMethodLabel(method, names)).sort();
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/^카카오페이 · 신한카드 \*{4}\d{4}$/);
    expect(labels[1]).toBe("카카오페이 · 잔액 결제");

    // 10,300 P; a spend of 6,000 leaves 4,300, under 5,000: the wallet's balance pays.
    if (!byBalance.synced.ok) throw new Error("unreachable");
    const ruleId = await lowBalanceRule(userId, byBalance.synced.paymentMethodId);
    const { autoChargePaymentId } = await spend(userId, 6_000);
    const { chargeAutoPayment } = await import("@/lib/billing/auto-charge");
    await chargeAutoPayment(autoChargePaymentId!);
    expect(await autoChargesOf(ruleId)).toMatchObject([{ status: "PAID", amount: 5_000 }]);
    const { db } = await import("@/db");
    const { payments } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const [row] = await db.select().from(payments).where(eq(payments.id, autoChargePaymentId!));
    const kakaopay = suite.emulator.config.channels.find((channel) => channel.easyPayProvider === "KAKAOPAY")!;
    expect(row).toMatchObject({
      payOption: "kakaopay",
      channelKey: kakaopay.key,
      methodDetails: { type: "EASY_PAY", provider: "KAKAOPAY" },
    });
    expect((await pointsOf(userId)).violations).toEqual([]);
  });

  it("a key from another channel or wallet than the one the registration was started for is refused", async () => {
    const { userId } = await paidCharge(suite, "channel-swap@example.com");
    const { listPaymentMethods } = await import("@/lib/billing/payment-methods");
    const naverpay = suite.emulator.config.channels.find((channel) => channel.easyPayProvider === "NAVERPAY")!;
    const card = suite.emulator.config.channels.find((channel) => channel.payMethod === "CARD")!;
    // Started as KakaoPay, but the browser sent NaverPay's channel: the key is NaverPay's.
    const otherWallet = await registerPaymentMethod(suite, userId, {
      method: "kakaopay",
      tamper: (request) => ({ ...request, channelKey: naverpay.key, easyPay: { easyPayProvider: "NAVERPAY" } }),
    });
    // Started as KakaoPay, but the browser asked for a card's key on the card channel.
    const cardForWallet = await registerPaymentMethod(suite, userId, {
      method: "kakaopay",
      tamper: (request) => ({ ...request, channelKey: card.key, billingKeyMethod: "CARD", easyPay: undefined }),
    });
    expect(otherWallet.synced).toEqual({ ok: false, code: "not_ours" });
    expect(cardForWallet.synced).toEqual({ ok: false, code: "not_ours" });
    expect(await listPaymentMethods(userId)).toEqual([]);
  });

  it("BillingKey.Deleted (deleted in PortOne's console) removes the card and pauses its rule", async () => {
    const { userId } = await paidCharge(suite, "console-delete@example.com");
    const { paymentMethodId, billingKey } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId);
    await fetch(`${suite.emulator.url}/console/billing-keys/${billingKey}/delete`, {
      method: "POST",
      redirect: "manual",
    });
    const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
    const { listPaymentMethods } = await import("@/lib/billing/payment-methods");
    const event = { webhookId: `wh-${crypto.randomUUID()}`, type: "BillingKey.Deleted", paymentId: null, billingKey };
    expect(await processWebhook(event)).toBe("processed");
    expect(await listPaymentMethods(userId)).toEqual([]);
    const { rule, events } = await ruleState(ruleId);
    expect(rule).toMatchObject({ status: "PAUSED", pausedReason: "payment_method_removed" });
    expect(events).toEqual(["created", "paused"]);
    const paused = (await mailTo("console-delete@example.com")).filter((mail) => mail.subject.includes("멈췄습니다"));
    expect(paused).toHaveLength(1);
    expect(paused[0]!.text).toContain("결제 수단이 삭제되어");
    // The spend that would have crossed the threshold charges nothing.
    const crossed = await spend(userId, 6_000);
    expect(crossed.autoChargePaymentId).toBeNull();
  });
});

describe("low-balance rule", () => {
  it("records what the user agreed to: the exact text, its version and digest", async () => {
    const { userId } = await paidCharge(suite, "consent@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId, { threshold: 2_000, monthlyLimit: 2 });
    const { rule } = await ruleState(ruleId);
    const { AUTO_CHARGE_TERMS_VERSION } = await import("@/lib/billing/rule-text");
    expect(rule.consentVersion).toBe(AUTO_CHARGE_TERMS_VERSION);
    expect(rule.consentText).toContain("잔액이 2,000 P 미만이 되면");
    expect(rule.consentText).toContain("5,000원");
    expect(rule.consentText).toContain("최대 2회, 최대 10,000원");
    expect(rule.consentTextSha256).toBe(createHash("sha256").update(rule.consentText).digest("hex"));
    expect(Math.abs(rule.consentedAt.getTime() - Date.now())).toBeLessThan(minutes(1));

    const { createRule } = await import("@/lib/billing/rules");
    const stale = await createRule({
      kind: "low_balance",
      userId,
      paymentMethodId,
      packageId: "points-5000",
      threshold: 1_000,
      monthlyLimit: 1,
      agreedVersion: "2000-01-01",
      locale: "ko",
    });
    expect(stale).toEqual({ ok: false, code: "stale_terms" });
  });

  it("records an English buyer's agreement in the English they read, and tells them of a pause in English", async () => {
    const { db } = await import("@/db");
    const { autoChargeEvents, users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const { userId } = await paidCharge(suite, "consent-en@example.com");
    await db.update(users).set({ locale: "en" }).where(eq(users.id, userId));
    const { paymentMethodId, billingKey } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId, { threshold: 2_000, monthlyLimit: 2, locale: "en" });
    const { rule } = await ruleState(ruleId);
    expect(rule.consentText.split("\n")[0]).toMatch(
      /^When your balance falls below 2,000 P after you spend points, ₩5,000 is charged to your registered payment method \(.+ \*{4}\d{4}\) and 5,\d{3} P are added\.$/,
    );
    expect(rule.consentText).toContain("At most 2 charges, up to ₩10,000");
    // No Korean but the card company's name, as PortOne gives it.
    expect(rule.consentText.replace(/\(.+? \*{4}\d{4}\)/, "")).not.toMatch(/\p{Script=Hangul}/u);
    expect(rule.consentTextSha256).toBe(createHash("sha256").update(rule.consentText).digest("hex"));
    const [created] = await db.select().from(autoChargeEvents).where(eq(autoChargeEvents.ruleId, ruleId));
    expect(created).toMatchObject({ type: "created", detail: expect.objectContaining({ locale: "en" }) });

    await fetch(`${suite.emulator.url}/console/billing-keys/${billingKey}/delete`, {
      method: "POST",
      redirect: "manual",
    });
    const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
    const event = { webhookId: `wh-${crypto.randomUUID()}`, type: "BillingKey.Deleted", paymentId: null, billingKey };
    expect(await processWebhook(event)).toBe("processed");
    const notices = (await mailTo("consent-en@example.com")).filter((mail) => mail.subject.includes("stopped"));
    expect(notices.map((mail) => mail.subject)).toEqual(["[PointCharge] Automatic charging has stopped"]);
    expect(notices[0]!.text).toContain("The payment method used for automatic charging was deleted");
  });

  it("two spends racing across the threshold charge once, and the points arrive", async () => {
    // 10,300 P; two spends of 3,000 leave 4,300: under 5,000 after the second only.
    const { userId } = await paidCharge(suite, "race@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId, { threshold: 5_000, packageId: "points-5000" });
    const results = await Promise.all([spend(userId, 3_000), spend(userId, 3_000)]);
    const opened = results.map((result) => result.autoChargePaymentId).filter((id) => id !== null);
    expect(opened).toHaveLength(1);

    const { chargeAutoPayment } = await import("@/lib/billing/auto-charge");
    // Sent twice (two instances after the same commit): PortOne is asked once.
    await Promise.all([chargeAutoPayment(opened[0]!), chargeAutoPayment(opened[0]!)]);
    expect(await autoChargesOf(ruleId)).toEqual([{ id: opened[0], status: "PAID", amount: 5_000 }]);
    const points = await pointsOf(userId);
    expect(points.balance.paid + points.balance.bonus).toBe(4_300 + 5_000);
    expect(points.entries.filter(([kind]) => kind === "charge")).toHaveLength(2);
    expect(points.violations).toEqual([]);
    expect((await ruleState(ruleId)).events).toEqual(["created", "attempt", "succeeded"]);
  });

  it("a charge a crash left unsent is sent by the sweep, and only once", async () => {
    const { userId } = await paidCharge(suite, "crash@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId);
    const { autoChargePaymentId } = await spend(userId, 6_000);
    expect(autoChargePaymentId).not.toBeNull();
    const { sweepAutoCharges } = await import("@/lib/billing/sweep");
    // Too young: its spend's own request may still be sending it.
    expect((await sweepAutoCharges()).sent).toBe(0);
    const later = new Date(Date.now() + minutes(1));
    expect((await sweepAutoCharges(later)).sent).toBe(1);
    expect((await sweepAutoCharges(later)).sent).toBe(0);
    expect(await autoChargesOf(ruleId)).toEqual([{ id: autoChargePaymentId, status: "PAID", amount: 5_000 }]);
  });

  it("a declined card is retried after 1, 6 and 24 hours, then the rule pauses without charging", async () => {
    const { userId } = await paidCharge(suite, "declined@example.com");
    const { paymentMethodId, billingKey } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId);
    await controlPortOne(suite, `/billing-keys/${billingKey}/decline`, { count: 4 });
    const { chargeAutoPayment } = await import("@/lib/billing/auto-charge");
    const { sweepAutoCharges } = await import("@/lib/billing/sweep");

    const { autoChargePaymentId } = await spend(userId, 6_000);
    await chargeAutoPayment(autoChargePaymentId!);
    let { rule } = await ruleState(ruleId);
    expect(rule).toMatchObject({ status: "ACTIVE", failedAttempts: 1 });
    const firstRetry = rule.retryAt!.getTime() - Date.now();
    expect(firstRetry).toBeGreaterThan(minutes(59));
    expect(firstRetry).toBeLessThanOrEqual(minutes(60));
    // Not due yet: nothing happens.
    expect((await sweepAutoCharges(new Date(Date.now() + minutes(30)))).retried).toBe(0);

    for (const [hoursLater, failures] of [
      [1, 2],
      [7, 3],
    ] as const) {
      expect((await sweepAutoCharges(new Date(Date.now() + hoursLater * minutes(60) + minutes(1)))).retried).toBe(1);
      ({ rule } = await ruleState(ruleId));
      expect(rule).toMatchObject({ status: "ACTIVE", failedAttempts: failures });
    }
    expect(rule.retryAt!.getTime() - Date.now()).toBeGreaterThan(minutes(24 * 60 - 1));
    expect((await sweepAutoCharges(new Date(Date.now() + minutes(25 * 60)))).retried).toBe(1);

    const state = await ruleState(ruleId);
    expect(state.rule).toMatchObject({ status: "PAUSED", pausedReason: "declined", failedAttempts: 4, retryAt: null });
    expect(state.events).toEqual([
      "created",
      ...["attempt", "failed", "retry_scheduled"].flatMap((type) => [type]),
      ...["attempt", "failed", "retry_scheduled"],
      ...["attempt", "failed", "retry_scheduled"],
      "attempt",
      "failed",
      "paused",
    ]);
    expect((await autoChargesOf(ruleId)).map((charge) => charge.status)).toEqual([
      "FAILED",
      "FAILED",
      "FAILED",
      "FAILED",
    ]);
    const points = await pointsOf(userId);
    expect(points.balance.paid + points.balance.bonus).toBe(10_300 - 6_000);
    // Told by e-mail, once, with the reason (the failed attempts before the pause sent none).
    const notices = (await mailTo("declined@example.com")).filter((mail) => mail.subject.includes("자동 충전"));
    expect(notices.map((mail) => mail.subject)).toEqual(["[PointCharge] 자동 충전이 멈췄습니다"]);
    expect(notices[0]!.text).toContain("여러 번 거절되어");
    // Paused: a later retry time finds nothing due.
    expect((await sweepAutoCharges(new Date(Date.now() + minutes(72 * 60)))).retried).toBe(0);
  });

  it("a retry is dropped when the balance was topped up some other way meanwhile", async () => {
    const { userId } = await paidCharge(suite, "recovered@example.com");
    const { paymentMethodId, billingKey } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId);
    await controlPortOne(suite, `/billing-keys/${billingKey}/decline`, { count: 1 });
    const { chargeAutoPayment } = await import("@/lib/billing/auto-charge");
    const { autoChargePaymentId } = await spend(userId, 6_000);
    await chargeAutoPayment(autoChargePaymentId!);
    const { payAtPortOne } = await import("../support/domain");
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    await syncPayment(await payAtPortOne(suite, userId, { packageId: "points-5000" }));

    const { sweepAutoCharges } = await import("@/lib/billing/sweep");
    expect((await sweepAutoCharges(new Date(Date.now() + minutes(61)))).retried).toBe(0);
    expect((await ruleState(ruleId)).rule).toMatchObject({ status: "ACTIVE", failedAttempts: 0, retryAt: null });
    expect(await autoChargesOf(ruleId)).toHaveLength(1);
  });

  it("the monthly limit counts charges made, not declined attempts", async () => {
    const { userId } = await paidCharge(suite, "limit@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId, {
      threshold: 5_000,
      packageId: "points-1000",
      monthlyLimit: 1,
    });
    const { chargeAutoPayment } = await import("@/lib/billing/auto-charge");
    const first = await spend(userId, 6_000); // 4,300: crosses, charges 1,000 → 5,300
    await chargeAutoPayment(first.autoChargePaymentId!);
    const second = await spend(userId, 1_000); // 4,300: crosses again, but the month's one charge is used
    expect(second.autoChargePaymentId).toBeNull();
    expect((await ruleState(ruleId)).events).toEqual(["created", "attempt", "succeeded", "skipped_limit"]);
    expect(await autoChargesOf(ruleId)).toHaveLength(1);
  });

  it("a stopped rule charges nothing", async () => {
    const { userId } = await paidCharge(suite, "stopped@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId);
    const { stopRule } = await import("@/lib/billing/rules");
    expect(await stopRule(userId, ruleId)).toEqual({ ok: true });
    expect((await spend(userId, 6_000)).autoChargePaymentId).toBeNull();
    expect((await ruleState(ruleId)).events).toEqual(["created", "stopped"]);
  });
});

describe("korean month", () => {
  it("starts at midnight in Seoul", async () => {
    const { koreanMonthStart } = await import("@/lib/billing/open-charge");
    expect(koreanMonthStart(new Date("2026-11-30T15:30:00Z")).toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(koreanMonthStart(new Date("2026-11-30T14:59:00Z")).toISOString()).toBe("2026-10-31T15:00:00.000Z");
  });
});

describe("auto_charge_events", () => {
  it("are append-only: PostgreSQL refuses to change or remove one", async () => {
    const { userId } = await paidCharge(suite, "append-only@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await lowBalanceRule(userId, paymentMethodId);
    const { db } = await import("@/db");
    const { autoChargeEvents } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await expect(
      db.update(autoChargeEvents).set({ type: "stopped" }).where(eq(autoChargeEvents.ruleId, ruleId)),
    ).rejects.toThrow();
    await expect(db.delete(autoChargeEvents).where(eq(autoChargeEvents.ruleId, ruleId))).rejects.toThrow();
    expect((await ruleState(ruleId)).events).toEqual(["created"]);
  });
});

describe("monthly rule", () => {
  async function scheduleAtPortOne(scheduleId: string) {
    const response = await fetch(`${suite.emulator.url}/__emulator/payment-schedules/${scheduleId}`);
    return (await response.json()) as { status: string; timeToPay: string; paymentId: string };
  }

  async function openMonthlyCharge(ruleId: string) {
    const { db } = await import("@/db");
    const { payments } = await import("@/db/schema");
    const { and, eq } = await import("drizzle-orm");
    const [row] = await db
      .select({ id: payments.id, dueAt: payments.chargeDueAt, scheduleId: payments.scheduleId })
      .from(payments)
      .where(and(eq(payments.autoChargeRuleId, ruleId), eq(payments.status, "PENDING")));
    return row;
  }

  it("is scheduled at PortOne for its day at 09:00 in Seoul, fires once, credits once, and schedules the next month", async () => {
    const { userId } = await paidCharge(suite, "monthly@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await monthlyRule(userId, paymentMethodId, { dayOfMonth: 15, packageId: "points-10000" });
    const { nextMonthlyChargeAt } = await import("@/lib/billing/monthly");
    const first = await openMonthlyCharge(ruleId);
    expect(first?.dueAt).toEqual(nextMonthlyChargeAt(15, new Date()));
    const atPortOne = await scheduleAtPortOne(first!.scheduleId!);
    expect(atPortOne).toMatchObject({ status: "SCHEDULED", paymentId: first!.id });
    expect(Date.parse(atPortOne.timeToPay)).toBe(first!.dueAt!.getTime());

    // Reconciliation before its time leaves it waiting, however old its row.
    const { reconcile } = await import("@/lib/payments/reconcile");
    await reconcile({ staleAfterMinutes: 0, windowHours: 1 });
    expect((await openMonthlyCharge(ruleId))?.id).toBe(first!.id);

    // Its time comes: PortOne charges and tells the app (twice, as webhooks may be repeated).
    await controlPortOne(suite, `/payment-schedules/${first!.scheduleId}/run`, {});
    const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
    for (const webhookId of ["wh-monthly-1", "wh-monthly-2"]) {
      await processWebhook({ webhookId, type: "Transaction.Paid", paymentId: first!.id, billingKey: null });
    }
    expect((await autoChargesOf(ruleId))[0]).toEqual({ id: first!.id, status: "PAID", amount: 10_000 });
    const points = await pointsOf(userId);
    expect(points.balance.paid + points.balance.bonus).toBe(2 * 10_300);
    expect(points.violations).toEqual([]);

    const next = await openMonthlyCharge(ruleId);
    expect(next?.dueAt).toEqual(nextMonthlyChargeAt(15, first!.dueAt!));
    expect(next!.dueAt!.getTime() - first!.dueAt!.getTime()).toBeGreaterThan(27 * 24 * minutes(60));
    expect(await scheduleAtPortOne(next!.scheduleId!)).toMatchObject({ status: "SCHEDULED" });
    expect((await ruleState(ruleId)).events).toEqual(["created", "attempt", "succeeded", "attempt"]);
  });

  it("stopping it revokes PortOne's schedule, so nothing is charged at its time", async () => {
    const { userId } = await paidCharge(suite, "monthly-stop@example.com");
    const { paymentMethodId } = await registerCard(suite, userId);
    const ruleId = await monthlyRule(userId, paymentMethodId);
    const charge = await openMonthlyCharge(ruleId);
    const { stopRule } = await import("@/lib/billing/rules");
    expect(await stopRule(userId, ruleId)).toEqual({ ok: true });
    expect(await scheduleAtPortOne(charge!.scheduleId!)).toMatchObject({ status: "REVOKED" });
    expect(await autoChargesOf(ruleId)).toEqual([{ id: charge!.id, status: "EXPIRED", amount: 10_000 }]);
    const { sweepAutoCharges } = await import("@/lib/billing/sweep");
    expect((await sweepAutoCharges()).scheduled).toBe(0);
    expect(await autoChargesOf(ruleId)).toHaveLength(1);
  });

  it("deleting its card revokes the schedule first, then the key", async () => {
    const { userId } = await paidCharge(suite, "monthly-card@example.com");
    const { paymentMethodId, billingKey } = await registerCard(suite, userId);
    const ruleId = await monthlyRule(userId, paymentMethodId);
    const charge = await openMonthlyCharge(ruleId);
    const { removePaymentMethod } = await import("@/lib/billing/payment-methods");
    expect(await removePaymentMethod(userId, paymentMethodId)).toEqual({ ok: true });
    expect(await billingKeyAtPortOne(billingKey)).toMatchObject({ status: "DELETED" });
    expect(await scheduleAtPortOne(charge!.scheduleId!)).toMatchObject({ status: "REVOKED" });
    const { sweepAutoCharges } = await import("@/lib/billing/sweep");
    await sweepAutoCharges();
    expect(await autoChargesOf(ruleId)).toEqual([{ id: charge!.id, status: "EXPIRED", amount: 10_000 }]);
    expect((await ruleState(ruleId)).rule).toMatchObject({ status: "PAUSED", pausedReason: "payment_method_removed" });
  });

  it("a declined scheduled charge is retried with the card at once after an hour, then schedules the next month", async () => {
    const { userId } = await paidCharge(suite, "monthly-declined@example.com");
    const { paymentMethodId, billingKey } = await registerCard(suite, userId);
    const ruleId = await monthlyRule(userId, paymentMethodId);
    const charge = await openMonthlyCharge(ruleId);
    await controlPortOne(suite, `/billing-keys/${billingKey}/decline`, { count: 1 });
    await controlPortOne(suite, `/payment-schedules/${charge!.scheduleId}/run`, {});
    const { processWebhook } = await import("@/lib/payments/sync/webhook-inbox");
    await processWebhook({ webhookId: "wh-monthly-failed", type: "Transaction.Failed", paymentId: charge!.id });
    expect((await ruleState(ruleId)).rule).toMatchObject({ status: "ACTIVE", failedAttempts: 1 });
    const { sweepAutoCharges } = await import("@/lib/billing/sweep");
    // No next month while the retry is pending.
    expect((await sweepAutoCharges()).scheduled).toBe(0);
    expect((await sweepAutoCharges(new Date(Date.now() + minutes(61)))).retried).toBe(1);
    const charges = await autoChargesOf(ruleId);
    expect(charges.map((row) => row.status)).toEqual(["FAILED", "PAID", "PENDING"]);
    expect((await openMonthlyCharge(ruleId))?.dueAt).toEqual(
      (await import("@/lib/billing/monthly")).nextMonthlyChargeAt(15, charge!.dueAt!),
    );
  });
});

describe("next monthly charge", () => {
  it("is the day's 09:00 in Seoul strictly after the given time", async () => {
    const { nextMonthlyChargeAt } = await import("@/lib/billing/monthly");
    const at = (iso: string) => nextMonthlyChargeAt(15, new Date(iso)).toISOString();
    expect(at("2026-12-14T23:59:00Z")).toBe("2026-12-15T00:00:00.000Z");
    expect(at("2026-12-15T00:00:00Z")).toBe("2027-01-15T00:00:00.000Z");
    expect(at("2026-12-31T20:00:00Z")).toBe("2027-01-15T00:00:00.000Z");
    expect(nextMonthlyChargeAt(28, new Date("2027-02-10T00:00:00Z")).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });
});
