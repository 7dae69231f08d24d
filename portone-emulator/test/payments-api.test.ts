import { describe, expect, it } from "vitest";
import { AuthClient, PaymentClient, RestError } from "@portone/server-sdk";
import { emulatorSuite, openCheckout, payThroughCheckout, paymentRequest } from "./helpers.js";

const suite = emulatorSuite();

async function errorType(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RestError) return (error.data as { type: string }).type;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("authentication", () => {
  it("rejects a wrong secret with 401 UNAUTHORIZED", async () => {
    const wrong = PaymentClient({ secret: "not-the-secret", baseUrl: suite.emulator.url });
    expect(await errorType(wrong.getPayment({ paymentId: "anything" }))).toBe("UNAUTHORIZED");
    const bare = await fetch(`${suite.emulator.url}/payments/anything`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ type: "UNAUTHORIZED" });
  });

  it("accepts bearer tokens from POST /login/api-secret, renewed by /token/refresh", async () => {
    const auth = AuthClient({ secret: suite.emulator.config.apiSecret, baseUrl: suite.emulator.url });
    const login = await auth.loginViaApiSecret({ apiSecret: suite.emulator.config.apiSecret });
    const bearerGet = (token: string) =>
      fetch(`${suite.emulator.url}/payments/missing`, { headers: { Authorization: `Bearer ${token}` } });
    const response = await bearerGet(login.accessToken);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: "PAYMENT_NOT_FOUND" });
    const renewed = await auth.refreshToken({ refreshToken: login.refreshToken });
    expect((await bearerGet(renewed.accessToken)).status).toBe(404);
    expect(await errorType(auth.refreshToken({ refreshToken: login.refreshToken }))).toBe("UNAUTHORIZED");
    expect((await bearerGet("forged-token")).status).toBe(401);
    expect(await errorType(auth.loginViaApiSecret({ apiSecret: "wrong" }))).toBe("UNAUTHORIZED");
  });

  it("answers a refresh without a token 400 INVALID_REQUEST, a wrong one 401 UNAUTHORIZED", async () => {
    const refresh = (body: unknown) =>
      fetch(`${suite.emulator.url}/token/refresh`, { method: "POST", body: JSON.stringify(body) });
    const missing = await refresh({});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ type: "INVALID_REQUEST" });
    const wrong = await refresh({ refreshToken: "not-a-token" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ type: "UNAUTHORIZED" });
  });

  it("answers an unknown path with a plain 404 that names no PortOne error type", async () => {
    const response = await fetch(`${suite.emulator.url}/payments-nowhere/x`, {
      headers: { Authorization: `PortOne ${suite.emulator.config.apiSecret}` },
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.type).toBeUndefined();
    expect(body.message).toEqual(expect.any(String));
  });
});

describe("getPayment", () => {
  it("returns a PAID card payment in PortOne's shape", async () => {
    const { paymentId, txId } = await payThroughCheckout(suite.emulator, {}, "approve", {
      cardCompany: "SHINHAN_CARD",
      installment: "3",
    });
    const payment = await suite.client.getPayment({ paymentId });
    expect(payment).toMatchObject({
      status: "PAID",
      id: paymentId,
      transactionId: txId,
      storeId: suite.emulator.config.storeId,
      version: "V2",
      orderName: "포인트 10,000P",
      currency: "KRW",
      customData: JSON.stringify({ packageId: "p10000" }),
      amount: {
        total: 10_000,
        taxFree: 0,
        vat: 909,
        supply: 9_091,
        discount: 0,
        paid: 10_000,
        cancelled: 0,
        cancelledTaxFree: 0,
      },
      channel: { type: "TEST", pgProvider: "TOSSPAYMENTS" },
      method: { type: "PaymentMethodCard", card: { publisher: "SHINHAN_CARD" }, installment: { month: 3 } },
      disputes: [],
    });
    if (payment.status !== "PAID") throw new Error("not paid");
    expect(new Date(payment.paidAt).toISOString()).toBe(payment.paidAt);
    expect(payment.webhooks?.map((webhook) => webhook.paymentStatus)).toEqual(["READY", "PAID"]);
  });

  it("answers PAYMENT_NOT_FOUND for an unknown or only pre-registered id", async () => {
    expect(await errorType(suite.client.getPayment({ paymentId: "never-seen" }))).toBe("PAYMENT_NOT_FOUND");
    await suite.client.preRegisterPayment({ paymentId: "pre-only", totalAmount: 1000, currency: "KRW" });
    expect(await errorType(suite.client.getPayment({ paymentId: "pre-only" }))).toBe("PAYMENT_NOT_FOUND");
  });

  it("shows FAILED with the PG's reason, and READY while the window is open", async () => {
    const declined = await payThroughCheckout(suite.emulator, {}, "decline");
    expect(await suite.client.getPayment({ paymentId: declined.paymentId })).toMatchObject({
      status: "FAILED",
      failure: { pgCode: "REJECT_CARD_COMPANY" },
      amount: { paid: 0 },
    });
    const request = paymentRequest({ payMethod: "MOBILE", currency: "CURRENCY_KRW" });
    await openCheckout(suite.emulator, request);
    expect(await suite.client.getPayment({ paymentId: request.paymentId })).toMatchObject({
      status: "READY",
      currency: "KRW",
    });
  });

  it("rejects another store's id with 403 FORBIDDEN", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator);
    expect(await errorType(suite.client.getPayment({ paymentId, storeId: "store-other" }))).toBe("FORBIDDEN");
  });
});

describe("pre-register", () => {
  it("stores the amount and refuses an already paid id with ALREADY_PAID", async () => {
    const request = paymentRequest();
    expect(
      await suite.client.preRegisterPayment({ paymentId: request.paymentId, totalAmount: 10_000, currency: "KRW" }),
    ).toEqual({});
    const opened = await openCheckout(suite.emulator, { ...request, totalAmount: 9_000 });
    expect(opened.body).toMatchObject({ code: "AmountNotEqualToPredefined" });
    const { paymentId } = await payThroughCheckout(suite.emulator, { paymentId: request.paymentId });
    expect(await errorType(suite.client.preRegisterPayment({ paymentId, totalAmount: 10_000 }))).toBe("ALREADY_PAID");
  });

  it("parses a JSON body whatever the Content-Type and rejects malformed JSON", async () => {
    const response = await fetch(`${suite.emulator.url}/payments/ct-test/pre-register`, {
      method: "POST",
      headers: {
        Authorization: `PortOne ${suite.emulator.config.apiSecret}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: JSON.stringify({ totalAmount: 1000 }),
    });
    expect(response.status).toBe(200);
    const broken = await fetch(`${suite.emulator.url}/payments/ct-test/pre-register`, {
      method: "POST",
      headers: { Authorization: `PortOne ${suite.emulator.config.apiSecret}` },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ type: "INVALID_REQUEST" });
  });
});

describe("lists", () => {
  it("pages, filters by status, time range and isTest", async () => {
    const started = new Date(Date.now() - 1).toISOString();
    const paid = await payThroughCheckout(suite.emulator, { orderName: "list-paid" });
    const failed = await payThroughCheckout(suite.emulator, { orderName: "list-failed" }, "decline");
    const onlyFailed = await suite.client.getPayments({ filter: { status: ["FAILED"], from: started } });
    expect(onlyFailed.items.map((payment) => ("id" in payment ? payment.id : ""))).toEqual([failed.paymentId]);
    const both = await suite.client.getPayments({
      page: { number: 0, size: 1 },
      filter: { from: started, status: ["PAID", "FAILED"] },
    });
    expect(both.page).toEqual({ number: 0, size: 1, totalCount: 2 });
    expect(both.items).toHaveLength(1);
    const secondPage = await suite.client.getPayments({
      page: { number: 1, size: 1 },
      filter: { from: started, status: ["PAID", "FAILED"] },
    });
    const ids = [...both.items, ...secondPage.items].map((payment) => ("id" in payment ? payment.id : ""));
    expect(ids.sort()).toEqual([paid.paymentId, failed.paymentId].sort());
    expect((await suite.client.getPayments({ filter: { isTest: false } })).items).toHaveLength(0);
    expect((await suite.client.getPayments({ filter: { until: started, from: started } })).items).toHaveLength(0);
  });

  it("walks all payments by cursor", async () => {
    await payThroughCheckout(suite.emulator);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await suite.client.getAllPaymentsByCursor({ size: 2, cursor });
      if (page.items.length === 0) break;
      for (const item of page.items) seen.push("id" in item.payment ? item.payment.id : "");
      cursor = page.items.at(-1)?.cursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});
