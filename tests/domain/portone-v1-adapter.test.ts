import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { domainSuite } from "../support/domain";
import { depositAtV1, openV1Window, payAtV1, resetV1, V1_TEST_PG, v1AppEnv } from "../support/portone-v1";

// V1 tokens live 5 s here, so a test can outlive one. V1 states expiry in whole seconds, and the
// adapter renews a tenth of the lifetime early: by 4.7 s it has renewed, though V1 would still accept the old one.
const TOKEN_TTL_MS = 5_000;
const PAST_RENEWAL_MS = 4_700;
// Short limits, so a V1 that hangs costs the suite seconds.
const READ_RETRIES = 2;
const suite = domainSuite({
  emulator: { v1TokenTtlMs: TOKEN_TTL_MS },
  env: (emulator) => ({
    ...v1AppEnv(emulator),
    PORTONE_API_TIMEOUT_MS: "1000",
    PORTONE_READ_RETRIES: String(READ_RETRIES),
  }),
});

let orders = 0;
const newOrderId = (label: string) => `v1-${label}-${Date.now().toString(36)}-${++orders}`;

/** A provider of its own (its own token cache), against the suite's emulator or another server. */
async function freshProvider(apiUrl = suite.emulator.url) {
  const { createPortOneV1 } = await import("@/lib/portone/v1/provider");
  const { config } = suite.emulator;
  return createPortOneV1({
    apiUrl,
    impKey: config.v1ApiKey,
    impSecret: config.v1ApiSecret,
    impCode: config.v1ImpCode,
    usesRealApi: false,
  });
}

async function provider() {
  const { paymentProvider } = await import("@/lib/portone/select-provider");
  return paymentProvider;
}

/** A 10,000-won card payment at V1 under a prepared amount; returns our id and V1's. */
async function paidCardPayment(label: string, amount = 10_000) {
  const v1 = await provider();
  const paymentId = newOrderId(label);
  await v1.preRegisterAmount(paymentId, amount, "KRW");
  const impUid = await payAtV1(suite.emulator, { merchant_uid: paymentId, amount }, "approve", {
    cardCompany: "SHINHAN_CARD",
    installment: "3",
  });
  return { v1, paymentId, impUid };
}

describe("V1 access tokens", () => {
  it("one token serves every call until shortly before it expires, then a new one is asked for first", async () => {
    const v1 = await freshProvider();
    expect(await v1.fetchPayment(newOrderId("none"))).toBeNull();
    expect(await v1.fetchPayment(newOrderId("none"))).toBeNull();
    expect(v1.client.tokenRequests).toBe(1);

    // Still valid at V1 (a 401 would also bring a new token; this one is asked for before any).
    await sleep(PAST_RENEWAL_MS);
    expect(await v1.fetchPayment(newOrderId("none"))).toBeNull();
    expect(v1.client.tokenRequests).toBe(2);
  });

  it("a token V1 no longer accepts (a 401) is replaced and the call still answers", async () => {
    const v1 = await freshProvider();
    await v1.fetchPayment(newOrderId("none"));
    expect(v1.client.tokenRequests).toBe(1);
    await resetV1(suite.emulator); // V1 forgets every token it issued

    expect(await v1.fetchPayment(newOrderId("none"))).toBeNull();
    expect(v1.client.tokenRequests).toBe(2);
  });

  it("concurrent calls share one token request", async () => {
    const v1 = await freshProvider();
    await Promise.all(Array.from({ length: 5 }, () => v1.fetchPayment(newOrderId("none"))));
    expect(v1.client.tokenRequests).toBe(1);
  });

  it("a wrong key is V1's definite refusal, not retried", async () => {
    const { createPortOneV1 } = await import("@/lib/portone/v1/provider");
    const { PortOneV1Error } = await import("@/lib/portone/v1/client");
    const wrong = createPortOneV1({
      apiUrl: suite.emulator.url,
      impKey: "wrong-key",
      impSecret: "wrong-secret",
      impCode: suite.emulator.config.v1ImpCode,
      usesRealApi: false,
    });
    const failure = await wrong.fetchPayment("anything").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortOneV1Error);
    expect((failure as InstanceType<typeof PortOneV1Error>).httpStatus).toBe(401);
    expect(wrong.client.tokenRequests).toBe(1); // a refused key is not asked again
  });
});

/** A V1 stand-in that answers every request with `answer` (or never), counting them. */
async function brokenV1(answer: ((res: ServerResponse) => void) | "hang") {
  const seen = { requests: 0 };
  const server = createServer((_req, res) => {
    seen.requests += 1;
    if (answer !== "hang") answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close };
}

describe("V1 failures", () => {
  it("a lookup that meets a proxy's 503 page is asked again, then fails as transient", async () => {
    const { isTransientPortOneFailure } = await import("@/lib/portone/call");
    const broken = await brokenV1((res) => res.writeHead(503, { "Content-Type": "text/html" }).end("<h1>503</h1>"));
    try {
      const v1 = await freshProvider(broken.url);
      const failure = await v1.fetchPayment("anything").catch((error: unknown) => error);
      expect(isTransientPortOneFailure(failure)).toBe(true);
      expect(broken.seen.requests).toBe(1 + READ_RETRIES);
    } finally {
      await broken.close();
    }
  });

  it("a V1 that never answers times out: a lookup is asked again, a change only once", async () => {
    const { PortOneTimeoutError } = await import("@/lib/portone/call");
    const broken = await brokenV1("hang");
    try {
      const v1 = await freshProvider(broken.url);
      await expect(v1.fetchPayment("anything")).rejects.toBeInstanceOf(PortOneTimeoutError);
      expect(broken.seen.requests).toBe(1 + READ_RETRIES);
      broken.seen.requests = 0;
      // A provider of its own, so its token request is not the lookup's (shared while it runs).
      await expect(
        (await freshProvider(broken.url)).preRegisterAmount("anything", 1_000, "KRW"),
      ).rejects.toBeInstanceOf(PortOneTimeoutError);
      expect(broken.seen.requests).toBe(1);
    } finally {
      await broken.close();
    }
  });
});

describe("V1 payments in the app's shape", () => {
  it("the provider is V1 when its variables are set", async () => {
    const v1 = await provider();
    expect(v1.name).toBe("v1");
    expect(v1.storeId).toBe(suite.emulator.config.v1ImpCode);
    expect(v1.usesRealApi).toBe(false);
  });

  it("a paid card payment is normalised: ids, amounts, PG, method, receipt, paid time", async () => {
    const before = Date.now();
    const { v1, paymentId, impUid } = await paidCardPayment("paid");

    const payment = await v1.fetchPayment(paymentId);
    expect(payment).toMatchObject({
      id: paymentId,
      transactionId: impUid,
      status: "PAID",
      storeId: suite.emulator.config.v1ImpCode,
      channelKey: V1_TEST_PG,
      channelType: "TEST",
      pgProvider: "html5_inicis",
      amountTotal: 10_000,
      amountCancelled: 0,
      currency: "KRW",
      methodDetails: { type: "CARD", publisher: "SHINHAN_CARD", installmentMonths: 3 },
      virtualAccount: null,
      failureReason: null,
      cancellations: [],
      cancellationInProgress: false,
    });
    expect(payment!.receiptUrl).toMatch(/^http:\/\/.+\/v1\/receipts\/imp_\d{12}$/);
    // paid_at is unix seconds.
    expect(payment!.paidAt!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(payment!.paidAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("a declined card is FAILED with the PG's reason", async () => {
    const v1 = await provider();
    const paymentId = newOrderId("declined");
    await payAtV1(suite.emulator, { merchant_uid: paymentId, amount: 1_000 }, "decline");
    const payment = await v1.fetchPayment(paymentId);
    expect(payment?.status).toBe("FAILED");
    expect(payment?.failureReason).toBeTruthy();
  });

  it("of several attempts under one order, the one holding money is the payment", async () => {
    const v1 = await provider();
    const paymentId = newOrderId("attempts");
    await payAtV1(suite.emulator, { merchant_uid: paymentId, amount: 1_000 }, "decline");
    const paid = await payAtV1(suite.emulator, { merchant_uid: paymentId, amount: 1_000 });
    await payAtV1(suite.emulator, { merchant_uid: paymentId, amount: 1_000 }, "cancel").catch(() => undefined);
    const payment = await v1.fetchPayment(paymentId);
    expect(payment).toMatchObject({ status: "PAID", transactionId: paid });
  });

  it("a window opened with another amount than the prepared one is refused before it opens", async () => {
    const v1 = await provider();
    const paymentId = newOrderId("tampered");
    await v1.preRegisterAmount(paymentId, 10_000, "KRW");
    const opened = await openV1Window(suite.emulator, { merchant_uid: paymentId, amount: 100 });
    expect(opened.ok).toBe(false);
    expect(opened.body.result).toMatchObject({ error_code: "F1002" });
    expect(await v1.fetchPayment(paymentId)).toBeNull();
  });

  it("a payment of another amount (a PG that ignores the preparation) fails the app's verification", async () => {
    const v1 = await provider();
    const { verificationProblem } = await import("@/lib/payments/sync/verify");
    const paymentId = newOrderId("unprepared");
    await payAtV1(suite.emulator, { merchant_uid: paymentId, amount: 100 });
    const payment = await v1.fetchPayment(paymentId);
    const expected = { storeId: v1.storeId, channelKey: V1_TEST_PG, currency: "KRW", requireLiveChannel: false };
    expect(verificationProblem(payment!, { ...expected, amount: 10_000 })).toBe("amount 100 differs from 10000");
    expect(verificationProblem(payment!, { ...expected, amount: 100 })).toBeNull();
  });
});

describe("V1 cancels", () => {
  it("a partial then a full refund, each guarded by the checksum; a stale checksum is refused", async () => {
    const { paymentId, impUid, v1 } = await paidCardPayment("refund");
    const refund = (amount: number, currentCancellableAmount: number) =>
      v1.cancelForRefund({ paymentId, amount, currentCancellableAmount, reason: "고객 요청 환불" });

    const partial = await refund(3_000, 10_000);
    expect(partial.kind).toBe("succeeded");
    const afterPartial = await v1.fetchPayment(paymentId);
    expect(afterPartial).toMatchObject({ status: "PARTIAL_CANCELLED", amountCancelled: 3_000, transactionId: impUid });
    expect(afterPartial!.cancellations).toEqual([
      { id: (partial as { cancellationId: string }).cancellationId, amount: 3_000 },
    ]);
    expect(afterPartial!.cancellationStatuses).toEqual({
      [(partial as { cancellationId: string }).cancellationId]: "SUCCEEDED",
    });

    // We still believe 10,000 is cancellable: V1 holds 7,000, so nothing is cancelled.
    expect(await refund(7_000, 10_000)).toEqual({ kind: "refused", reason: "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN" });
    expect((await v1.fetchPayment(paymentId))!.amountCancelled).toBe(3_000);

    const rest = await refund(7_000, 7_000);
    expect(rest.kind).toBe("succeeded");
    const cancelled = await v1.fetchPayment(paymentId);
    expect(cancelled).toMatchObject({ status: "CANCELLED", amountCancelled: 10_000 });
    expect(cancelled!.cancellations.map((cancellation) => cancellation.amount)).toEqual([3_000, 7_000]);

    expect(await refund(1_000, 0)).toEqual({ kind: "refused", reason: "PAYMENT_NOT_PAID" });
  });

  it("releasing a rejected payment cancels all V1 holds; once cancelled it is done", async () => {
    const { paymentId, v1 } = await paidCardPayment("rejected");
    await v1.cancelRejectedPayment(paymentId, "결제 검증 실패로 자동 취소되었습니다.");
    expect(await v1.fetchPayment(paymentId)).toMatchObject({ status: "CANCELLED", amountCancelled: 10_000 });
    await v1.cancelRejectedPayment(paymentId, "again");
  });
});

describe("V1 virtual accounts", () => {
  const issueAccount = async (label: string) => {
    const v1 = await provider();
    const paymentId = newOrderId(label);
    await v1.preRegisterAmount(paymentId, 20_000, "KRW");
    const impUid = await payAtV1(
      suite.emulator,
      { merchant_uid: paymentId, amount: 20_000, pay_method: "vbank" },
      "issue",
      { bank: "KOOKMIN", accountNumber: "12345678901234", holderName: "포인트상점" },
    );
    return { v1, paymentId, impUid };
  };

  it("an issued account carries its bank, number, holder and due date; the deposit makes it PAID", async () => {
    const { v1, paymentId, impUid } = await issueAccount("vbank");
    const issued = await v1.fetchPayment(paymentId);
    expect(issued).toMatchObject({
      status: "VIRTUAL_ACCOUNT_ISSUED",
      methodDetails: { type: "VIRTUAL_ACCOUNT", bank: "KOOKMIN" },
      virtualAccount: { bank: "KOOKMIN", accountNumber: "12345678901234", holder: "포인트상점" },
      paidAt: null,
    });
    expect(Date.parse(issued!.virtualAccount!.dueAt!)).toBeGreaterThan(Date.now());

    await depositAtV1(suite.emulator, impUid);
    expect(await v1.fetchPayment(paymentId)).toMatchObject({ status: "PAID", amountTotal: 20_000 });
  });

  it("a deposited account is refunded only to the customer's own account", async () => {
    const { v1, paymentId, impUid } = await issueAccount("vbank-refund");
    await depositAtV1(suite.emulator, impUid);
    const refund = { paymentId, amount: 20_000, currentCancellableAmount: 20_000, reason: "고객 요청 환불" };

    const withoutAccount = await v1.cancelForRefund(refund);
    expect(withoutAccount.kind).toBe("refused");
    expect((await v1.fetchPayment(paymentId))!.status).toBe("PAID");

    const withAccount = await v1.cancelForRefund({
      ...refund,
      refundAccount: { bank: "SHINHAN", number: "11012345678", holderName: "홍길동" },
    });
    expect(withAccount.kind).toBe("succeeded");
    expect(await v1.fetchPayment(paymentId)).toMatchObject({ status: "CANCELLED", amountCancelled: 20_000 });
  });

  it("closing an account waiting for its deposit cancels it; closing a paid one changes nothing", async () => {
    const waiting = await issueAccount("vbank-close");
    await waiting.v1.closeVirtualAccount(waiting.paymentId);
    expect(await waiting.v1.fetchPayment(waiting.paymentId)).toMatchObject({
      status: "CANCELLED",
      amountCancelled: 0,
      cancellations: [],
    });
    await waiting.v1.closeVirtualAccount(waiting.paymentId); // already closed: done

    const paid = await issueAccount("vbank-paid");
    await depositAtV1(suite.emulator, paid.impUid);
    await paid.v1.closeVirtualAccount(paid.paymentId);
    expect(await paid.v1.fetchPayment(paid.paymentId)).toMatchObject({ status: "PAID", amountCancelled: 0 });
  });
});

describe("V1 list for reconciliation", () => {
  it("walks every page of the window, each payment handed over once, as the attempt that counts", async () => {
    await resetV1(suite.emulator);
    const v1 = await provider();
    const from = new Date(Date.now() - 1_000);
    const paid = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        payAtV1(suite.emulator, { merchant_uid: `v1-list-${n}-${from.getTime()}`, amount: 1_000 }),
      ),
    );
    const retried = `v1-list-retried-${from.getTime()}`;
    await payAtV1(suite.emulator, { merchant_uid: retried, amount: 1_000 }, "decline");
    await payAtV1(suite.emulator, { merchant_uid: retried, amount: 1_000 });

    const pages: string[][] = [];
    const lastSeen = new Map<string, string>();
    const count = await v1.forEachPaymentPage(
      from,
      new Date(Date.now() + 2_000),
      async (page) => {
        pages.push(page.map((payment) => payment.id));
        for (const payment of page) lastSeen.set(payment.id, payment.status);
      },
      { pageSize: 2 },
    );

    // Seven attempts in pages of two: four pages.
    expect(pages).toHaveLength(4);
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(lastSeen.size).toBe(6);
    expect([...lastSeen.values()].every((status) => status === "PAID")).toBe(true);
    // The declined attempt may be handed over first, then its paid retry; never anything twice otherwise.
    expect(count).toBeLessThanOrEqual(7);
    expect(paid).toHaveLength(5);
  });

  it("nothing is listed outside the window", async () => {
    const v1 = await provider();
    const future = new Date(Date.now() + 60_000);
    const handled: string[] = [];
    const count = await v1.forEachPaymentPage(future, new Date(future.getTime() + 60_000), async (page) => {
      handled.push(...page.map((payment) => payment.id));
    });
    expect(count).toBe(0);
    expect(handled).toEqual([]);
  });
});

describe("V1 notices", () => {
  it("a notice is believed only as far as V1's API confirms it", async () => {
    const { v1, paymentId, impUid } = await paidCardPayment("notice");
    const json = { "content-type": "application/json" };
    const checked = await v1.verifyWebhook(
      JSON.stringify({ imp_uid: impUid, merchant_uid: paymentId, status: "paid" }),
      json,
    );
    expect(checked).toMatchObject({ ok: true, paymentId, type: "Transaction.Paid", billingKey: null });

    const form = await v1.verifyWebhook(
      new URLSearchParams({ imp_uid: impUid, merchant_uid: paymentId, status: "paid" }).toString(),
      { "content-type": "application/x-www-form-urlencoded" },
    );
    expect(form).toEqual(checked); // the same news: the same id, so the inbox sees a duplicate

    await v1.cancelForRefund({ paymentId, amount: 1_000, currentCancellableAmount: 10_000, reason: "부분 환불" });
    const later = await v1.verifyWebhook(JSON.stringify({ imp_uid: impUid, merchant_uid: paymentId }), json);
    expect(later.ok && later.webhookId).not.toBe(checked.ok && checked.webhookId); // a new state: processed

    const forged = await v1.verifyWebhook(
      JSON.stringify({ imp_uid: impUid, merchant_uid: "someone-elses-order", status: "paid" }),
      json,
    );
    expect(forged).toEqual({ ok: false, reason: "no such payment at PortOne V1" });
    expect(await v1.verifyWebhook("not json", json)).toEqual({ ok: false, reason: "unexpected body" });
  });
});
