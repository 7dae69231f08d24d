import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PaymentClient, PayWithBillingKeyError } from "@portone/server-sdk/payment";
import { DeleteBillingKeyError, IssueBillingKeyError } from "@portone/server-sdk/payment/billingKey";
import {
  CreatePaymentScheduleError,
  GetPaymentScheduleError,
  GetPaymentSchedulesError,
  RevokePaymentSchedulesError,
  type PaymentSchedule,
} from "@portone/server-sdk/payment/paymentSchedule";
import { EmulatorControl } from "../src/control-client.js";
import { emulatorSuite, sleep, startTestEmulator, TEST_CARD_CREDENTIAL, uniquePaymentId, waitFor } from "./helpers.js";

// scheduleScale 0.0001: a schedule an hour away runs after 0.36 s; one a year away never does here.
const suite = emulatorSuite({ scheduleScale: 0.0001 });
const control = () => new EmulatorControl(suite.emulator.url);
const schedules = () => suite.client.paymentSchedule;

const HOUR = 60 * 60_000;
const YEAR = 365 * 24 * HOUR;
const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

async function issueKey(credential: Record<string, string> = TEST_CARD_CREDENTIAL) {
  const { billingKeyInfo } = await suite.client.billingKey.issueBillingKey({
    method: { card: { credential: { ...TEST_CARD_CREDENTIAL, ...credential } } },
    customer: { id: "user-schedule", name: { full: "홍길동" } },
  });
  return billingKeyInfo.billingKey;
}

const paymentInput = (billingKey: string, total = 10_000) => ({
  billingKey,
  orderName: "포인트 자동 충전",
  amount: { total },
  currency: "KRW" as const,
  customData: JSON.stringify({ autoTopUp: true }),
});

async function schedule(billingKey: string, timeToPay: string, paymentId = uniquePaymentId("sched")) {
  const { schedule: created } = await schedules().createPaymentSchedule({
    paymentId,
    payment: paymentInput(billingKey),
    timeToPay,
  });
  return { scheduleId: created.id, paymentId };
}

/** The SDK's union ends in an unknown-variant member without fields; the emulator never answers it. */
const idOf = (item: PaymentSchedule) => ("id" in item ? item.id : undefined);
const keyOf = (item: PaymentSchedule) => ("billingKey" in item ? item.billingKey : undefined);
const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: unknown) => error);
const typeOf = (error: unknown) => (error as { data?: { type?: string } }).data?.type;
const webhookTypes = (paymentId: string) => suite.receiver.forPayment(paymentId).map((webhook) => webhook.type);

describe("payment schedules", () => {
  it("creates a schedule that reads back SCHEDULED, lists only when the range reaches it, and revokes", async () => {
    const billingKey = await issueKey();
    const timeToPay = inFuture(YEAR);
    const { scheduleId, paymentId } = await schedule(billingKey, timeToPay);
    expect(await schedules().getPaymentSchedule({ paymentScheduleId: scheduleId })).toEqual({
      status: "SCHEDULED",
      id: scheduleId,
      merchantId: suite.emulator.config.merchantId,
      storeId: suite.emulator.config.storeId,
      paymentId,
      billingKey,
      orderName: "포인트 자동 충전",
      isCulturalExpense: false,
      isEscrow: false,
      customer: { id: "user-schedule", name: "홍길동" },
      customData: JSON.stringify({ autoTopUp: true }),
      totalAmount: 10_000,
      taxFreeAmount: 0,
      currency: "KRW",
      createdAt: expect.any(String) as string,
      timeToPay,
    });
    // PortOne's default range ends now: a schedule in the future needs an explicit `until` (and
    // `from` is 90 days before it unless given).
    const byDefault = await schedules().getPaymentSchedules({ filter: { billingKey } });
    expect(byDefault.items).toEqual([]);
    const reaching = await schedules().getPaymentSchedules({
      filter: { billingKey, until: inFuture(YEAR + HOUR), status: ["SCHEDULED"] },
    });
    expect(reaching.items.map(idOf)).toEqual([scheduleId]);
    expect(reaching.page).toEqual({ number: 0, size: 10, totalCount: 1 });

    const revoked = await schedules().revokePaymentSchedules({ scheduleIds: [scheduleId] });
    expect(revoked.revokedScheduleIds).toEqual([scheduleId]);
    expect(await schedules().getPaymentSchedule({ paymentScheduleId: scheduleId })).toMatchObject({
      status: "REVOKED",
      revokedAt: revoked.revokedAt,
    });
    const again = await errorOf(schedules().revokePaymentSchedules({ scheduleIds: [scheduleId] }));
    expect(again).toBeInstanceOf(RevokePaymentSchedulesError);
    expect(typeOf(again)).toBe("PAYMENT_SCHEDULE_ALREADY_REVOKED");
    // A revoked schedule no longer holds its paymentId: the same id can be scheduled again.
    await schedule(billingKey, inFuture(YEAR), paymentId);
  });

  it("lists newest timeToPay first by default, sorts and pages on request", async () => {
    const billingKey = await issueKey();
    const far = await schedule(billingKey, inFuture(3 * YEAR));
    const near = await schedule(billingKey, inFuture(2 * YEAR));
    const filter = { billingKey, from: inFuture(YEAR), until: inFuture(4 * YEAR) };
    const listed = await schedules().getPaymentSchedules({ filter });
    expect(listed.items.map(idOf)).toEqual([far.scheduleId, near.scheduleId]);
    const ascending = await schedules().getPaymentSchedules({ filter, sort: { by: "TIME_TO_PAY", order: "ASC" } });
    expect(ascending.items.map(idOf)).toEqual([near.scheduleId, far.scheduleId]);
    const second = await schedules().getPaymentSchedules({ filter, page: { number: 1, size: 1 } });
    expect(second.items.map(idOf)).toEqual([near.scheduleId]);
    expect(second.page.totalCount).toBe(2);
    await schedules().revokePaymentSchedules({ billingKey });
  });

  it("runs at its timeToPay (compressed) through the billing-key payment: PAID once, with one Transaction.Paid", async () => {
    const billingKey = await issueKey();
    const { scheduleId, paymentId } = await schedule(billingKey, inFuture(HOUR));
    expect((await schedules().getPaymentSchedule({ paymentScheduleId: scheduleId })).status).toBe("SCHEDULED");
    await waitFor(() => webhookTypes(paymentId).includes("Transaction.Paid"));
    const ran = await schedules().getPaymentSchedule({ paymentScheduleId: scheduleId });
    expect(ran).toMatchObject({ status: "SUCCEEDED", startedAt: expect.any(String), completedAt: expect.any(String) });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PAID",
      billingKey,
      scheduleId,
      orderName: "포인트 자동 충전",
      amount: { total: 10_000, paid: 10_000 },
      method: { type: "PaymentMethodCard" },
    });
    // Nothing runs it twice: not the timer, not the control API, not an immediate payment.
    const rerun = await errorOf(control().runPaymentSchedule(scheduleId));
    expect(String(rerun)).toContain("PAYMENT_SCHEDULE_ALREADY_PROCESSED");
    await sleep(500);
    expect(webhookTypes(paymentId)).toEqual(["Transaction.Paid"]);
    const revoke = await errorOf(schedules().revokePaymentSchedules({ scheduleIds: [scheduleId] }));
    expect(typeOf(revoke)).toBe("PAYMENT_SCHEDULE_ALREADY_PROCESSED");
    const reschedule = await errorOf(schedule(billingKey, inFuture(YEAR), paymentId));
    expect(reschedule).toBeInstanceOf(CreatePaymentScheduleError);
    expect(typeOf(reschedule)).toBe("ALREADY_PAID_OR_WAITING");
  });

  it("the control API runs a schedule now, or every schedule due by a given time", async () => {
    const billingKey = await issueKey();
    const first = await schedule(billingKey, inFuture(YEAR));
    const later = await schedule(billingKey, inFuture(YEAR + 2 * HOUR));
    const ran = await control().runDuePaymentSchedules(new Date(Date.now() + YEAR + HOUR));
    expect(ran.filter((item) => keyOf(item) === billingKey).map(idOf)).toEqual([first.scheduleId]);
    expect((await control().paymentSchedule(first.scheduleId)).status).toBe("SUCCEEDED");
    expect((await control().paymentSchedule(later.scheduleId)).status).toBe("SCHEDULED");
    expect(await control().runPaymentSchedule(later.scheduleId)).toMatchObject({ status: "SUCCEEDED" });
    await waitFor(() => webhookTypes(later.paymentId).includes("Transaction.Paid"));
    expect((await suite.client.getPayment({ paymentId: first.paymentId })).status).toBe("PAID");
  });

  it("a declined card: the immediate payment answers PG_PROVIDER, a scheduled one ends FAILED with Transaction.Failed", async () => {
    const billingKey = await issueKey();
    await control().declineBillingKey(billingKey, { count: 2 });
    const immediateId = uniquePaymentId("declined");
    const declined = await errorOf(
      suite.client.payWithBillingKey({ paymentId: immediateId, ...paymentInput(billingKey) }),
    );
    expect(declined).toBeInstanceOf(PayWithBillingKeyError);
    expect((declined as PayWithBillingKeyError).data).toMatchObject({
      type: "PG_PROVIDER",
      pgCode: "REJECT_CARD_PAYMENT",
      pgMessage: expect.stringContaining("잔액부족") as string,
    });
    expect(await suite.client.getPayment({ paymentId: immediateId })).toMatchObject({
      status: "FAILED",
      failure: { pgCode: "REJECT_CARD_PAYMENT" },
    });
    await waitFor(() => webhookTypes(immediateId).includes("Transaction.Failed"));

    const { scheduleId, paymentId } = await schedule(billingKey, inFuture(YEAR));
    expect(await control().runPaymentSchedule(scheduleId)).toMatchObject({
      status: "FAILED",
      completedAt: expect.any(String),
    });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "FAILED",
      scheduleId,
      failure: { pgCode: "REJECT_CARD_PAYMENT" },
    });
    await waitFor(() => webhookTypes(paymentId).includes("Transaction.Failed"));
    expect(webhookTypes(paymentId)).toEqual(["Transaction.Failed"]);

    // Both declines are used up: a retry of the failed id is paid, and a FAILED schedule frees it.
    await suite.client.payWithBillingKey({ paymentId: immediateId, ...paymentInput(billingKey) });
    expect((await suite.client.getPayment({ paymentId: immediateId })).status).toBe("PAID");
    const retry = await schedule(billingKey, inFuture(YEAR), paymentId);
    expect(await control().runPaymentSchedule(retry.scheduleId)).toMatchObject({ status: "SUCCEEDED" });
  });

  it("an expired card declines every later payment; a card already expired gets no key", async () => {
    const billingKey = await issueKey();
    const { scheduleId, paymentId } = await schedule(billingKey, inFuture(YEAR));
    await control().expireBillingKeyCard(billingKey);
    expect(await control().runPaymentSchedule(scheduleId)).toMatchObject({ status: "FAILED" });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "FAILED",
      failure: { pgCode: "INVALID_CARD_EXPIRATION" },
    });
    await waitFor(() => webhookTypes(paymentId).includes("Transaction.Failed"));
    for (let attempt = 0; attempt < 2; attempt++) {
      const immediate = await errorOf(
        suite.client.payWithBillingKey({ paymentId: uniquePaymentId("expired"), ...paymentInput(billingKey) }),
      );
      expect((immediate as PayWithBillingKeyError).data).toMatchObject({
        type: "PG_PROVIDER",
        pgCode: "INVALID_CARD_EXPIRATION",
      });
    }
    const lastYear = String((new Date().getUTCFullYear() - 1) % 100).padStart(2, "0");
    const refused = await errorOf(issueKey({ expiryYear: lastYear, expiryMonth: "12" }));
    expect(refused).toBeInstanceOf(IssueBillingKeyError);
    expect((refused as IssueBillingKeyError).data).toMatchObject({
      type: "PG_PROVIDER",
      pgCode: "INVALID_CARD_EXPIRATION",
    });
  });

  it("answers PortOne's errors for each endpoint", async () => {
    const billingKey = await issueKey();
    const { scheduleId, paymentId } = await schedule(billingKey, inFuture(YEAR));
    const create = (overrides: Record<string, unknown>) =>
      errorOf(
        schedules().createPaymentSchedule({
          paymentId: uniquePaymentId("err"),
          payment: paymentInput(billingKey),
          timeToPay: inFuture(YEAR),
          ...overrides,
        }),
      );
    expect(typeOf(await create({ paymentId }))).toBe("PAYMENT_SCHEDULE_ALREADY_EXISTS");
    expect(typeOf(await create({ payment: paymentInput("billing-key-missing") }))).toBe("BILLING_KEY_NOT_FOUND");
    expect(typeOf(await create({ timeToPay: "next tuesday" }))).toBe("INVALID_REQUEST");
    expect(
      typeOf(await create({ payment: { ...paymentInput(billingKey), amount: { total: 1_000, taxFree: 2_000 } } })),
    ).toBe("SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT");
    expect(typeOf(await create({ payment: { ...paymentInput(billingKey), storeId: "store-other" } }))).toBe(
      "FORBIDDEN",
    );
    const paid = uniquePaymentId("paid");
    await suite.client.payWithBillingKey({ paymentId: paid, ...paymentInput(billingKey) });
    expect(typeOf(await create({ paymentId: paid }))).toBe("ALREADY_PAID_OR_WAITING");
    const unauthorized = await errorOf(
      PaymentClient({ secret: "wrong", baseUrl: suite.emulator.url }).paymentSchedule.createPaymentSchedule({
        paymentId: uniquePaymentId("err"),
        payment: paymentInput(billingKey),
        timeToPay: inFuture(YEAR),
      }),
    );
    expect(typeOf(unauthorized)).toBe("UNAUTHORIZED");

    // A scheduled paymentId cannot be paid at once, and its key cannot be deleted while it waits.
    const payNow = await errorOf(suite.client.payWithBillingKey({ paymentId, ...paymentInput(billingKey) }));
    expect(typeOf(payNow)).toBe("PAYMENT_SCHEDULE_ALREADY_EXISTS");
    const deletion = await errorOf(suite.client.billingKey.deleteBillingKey({ billingKey }));
    expect(deletion).toBeInstanceOf(DeleteBillingKeyError);
    expect(typeOf(deletion)).toBe("PAYMENT_SCHEDULE_ALREADY_EXISTS");

    const missing = await errorOf(schedules().getPaymentSchedule({ paymentScheduleId: "no-such-schedule" }));
    expect(missing).toBeInstanceOf(GetPaymentScheduleError);
    expect(typeOf(missing)).toBe("PAYMENT_SCHEDULE_NOT_FOUND");
    const list = await errorOf(schedules().getPaymentSchedules({ filter: { storeId: "store-other" } }));
    expect(list).toBeInstanceOf(GetPaymentSchedulesError);
    expect(typeOf(list)).toBe("FORBIDDEN");
    expect(typeOf(await errorOf(schedules().revokePaymentSchedules({})))).toBe("INVALID_REQUEST");
    expect(typeOf(await errorOf(schedules().revokePaymentSchedules({ scheduleIds: ["no-such-schedule"] })))).toBe(
      "PAYMENT_SCHEDULE_NOT_FOUND",
    );
    expect(typeOf(await errorOf(schedules().revokePaymentSchedules({ billingKey: "billing-key-missing" })))).toBe(
      "BILLING_KEY_NOT_FOUND",
    );
    const other = await issueKey();
    const mismatch = await errorOf(
      schedules().revokePaymentSchedules({ billingKey: other, scheduleIds: [scheduleId] }),
    );
    expect(typeOf(mismatch)).toBe("INVALID_REQUEST");
    expect((await schedules().getPaymentSchedule({ paymentScheduleId: scheduleId })).status).toBe("SCHEDULED");

    // Revoked by its key, the schedule lets the key go; a deleted key takes no schedule.
    expect((await schedules().revokePaymentSchedules({ billingKey })).revokedScheduleIds).toEqual([scheduleId]);
    await suite.client.billingKey.deleteBillingKey({ billingKey });
    expect(typeOf(await create({}))).toBe("BILLING_KEY_ALREADY_DELETED");
    expect(typeOf(await errorOf(schedules().revokePaymentSchedules({ billingKey })))).toBe(
      "BILLING_KEY_ALREADY_DELETED",
    );
  });

  it("a key deleted in the console sends BillingKey.Deleted; the console refuses while schedules wait", async () => {
    const billingKey = await issueKey();
    const { scheduleId } = await schedule(billingKey, inFuture(YEAR));
    expect(String(await errorOf(control().deleteBillingKeyFromConsole(billingKey)))).toContain(
      "PAYMENT_SCHEDULE_ALREADY_EXISTS",
    );
    const page = await (await fetch(`${suite.emulator.url}/console/billing-keys`)).text();
    expect(page).toContain(billingKey);
    expect(page).toContain(scheduleId);
    await schedules().revokePaymentSchedules({ scheduleIds: [scheduleId] });
    await control().deleteBillingKeyFromConsole(billingKey);
    expect(await suite.client.billingKey.getBillingKeyInfo({ billingKey })).toMatchObject({ status: "DELETED" });
    await waitFor(() =>
      suite.receiver.received.find(
        (webhook) => webhook.type === "BillingKey.Deleted" && webhook.body.includes(billingKey),
      ),
    );
  });

  it("schedules persist in the state file, run after a restart when due, and stop on reset", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "portone-emulator-"));
    const stateFile = path.join(folder, "state.json");
    try {
      const first = await startTestEmulator({ webhookUrl: "", stateFile, scheduleScale: 0.0001 });
      const client = PaymentClient({ secret: first.config.apiSecret, baseUrl: first.url });
      const { billingKeyInfo } = await client.billingKey.issueBillingKey({
        method: { card: { credential: TEST_CARD_CREDENTIAL } },
      });
      const paymentId = uniquePaymentId("persist");
      const { schedule: created } = await client.paymentSchedule.createPaymentSchedule({
        paymentId,
        payment: paymentInput(billingKeyInfo.billingKey),
        timeToPay: inFuture(HOUR),
      });
      await first.close();
      const second = await startTestEmulator({ webhookUrl: "", stateFile, scheduleScale: 0.0001 });
      try {
        const again = PaymentClient({ secret: second.config.apiSecret, baseUrl: second.url });
        const ran = await (async () => {
          for (let tries = 0; tries < 100; tries++) {
            const found = await again.paymentSchedule.getPaymentSchedule({ paymentScheduleId: created.id });
            if (found.status !== "SCHEDULED") return found;
            await sleep(50);
          }
          throw new Error("the schedule did not run after the restart");
        })();
        expect(ran.status).toBe("SUCCEEDED");
        expect((await again.getPayment({ paymentId })).status).toBe("PAID");

        const waiting = await again.paymentSchedule.createPaymentSchedule({
          paymentId: uniquePaymentId("reset"),
          payment: paymentInput(billingKeyInfo.billingKey),
          timeToPay: inFuture(HOUR),
        });
        await new EmulatorControl(second.url).reset();
        await sleep(600);
        const afterReset = await errorOf(
          again.paymentSchedule.getPaymentSchedule({ paymentScheduleId: waiting.schedule.id }),
        );
        expect(typeOf(afterReset)).toBe("PAYMENT_SCHEDULE_NOT_FOUND");
        expect(await again.getPayments({ filter: {} })).toMatchObject({ items: [] });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
