import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/server.js";
import {
  answerCheckout,
  channelFor,
  openCheckout,
  paymentClient,
  paymentRequest,
  payThroughCheckout,
  startTestEmulator,
} from "./helpers.js";

// The checkout endpoints the browser script calls, exercised over HTTP. Browser behaviour itself
// (iframe, popup, redirect) is covered by the Playwright specs in e2e/.

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ webhookUrl: "" });
});

afterAll(async () => {
  await emulator.close();
});

describe("requestPayment validation", () => {
  it.each(["storeId", "paymentId", "orderName", "totalAmount", "currency", "payMethod"])(
    "rejects a request without %s",
    async (field) => {
      const request: Record<string, unknown> = paymentRequest();
      delete request[field];
      const { status, body } = await openCheckout(emulator, request);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: "BadRequest" });
      expect(body.message).toContain(field);
    },
  );

  it("rejects a request without channelKey, an unknown channel and a channel of another pay method", async () => {
    const request: Record<string, unknown> = paymentRequest();
    delete request.channelKey;
    expect((await openCheckout(emulator, request)).body).toMatchObject({ code: "BadRequest" });
    expect((await openCheckout(emulator, paymentRequest({ channelKey: "channel-key-unknown" }))).body).toMatchObject({
      code: "ChannelNotFound",
    });
    const mismatch = paymentRequest({ channelKey: channelFor("VIRTUAL_ACCOUNT").key, payMethod: "CARD" });
    expect((await openCheckout(emulator, mismatch)).body).toMatchObject({ code: "BadRequest" });
    const wrongProvider = paymentRequest({ payMethod: "EASY_PAY", easyPay: { easyPayProvider: "NAVERPAY" } });
    expect((await openCheckout(emulator, wrongProvider)).body).toMatchObject({ code: "BadRequest" });
  });

  it("rejects an unknown store, a fractional amount and a non-http redirectUrl", async () => {
    expect((await openCheckout(emulator, paymentRequest({ storeId: "store-x" }))).body).toMatchObject({
      code: "StoreNotFound",
    });
    expect((await openCheckout(emulator, paymentRequest({ totalAmount: 10.5 }))).body).toMatchObject({
      code: "BadRequest",
    });
    expect((await openCheckout(emulator, paymentRequest({ redirectUrl: "javascript:alert(1)" }))).body).toMatchObject({
      code: "BadRequest",
    });
  });

  it("accepts KRW and CURRENCY_KRW, and refuses a paid paymentId", async () => {
    const { paymentId } = await payThroughCheckout(emulator, { currency: "CURRENCY_KRW" });
    expect(await paymentClient(emulator).getPayment({ paymentId })).toMatchObject({ currency: "KRW", status: "PAID" });
    expect((await openCheckout(emulator, paymentRequest({ paymentId }))).body).toMatchObject({
      code: "PaymentAlreadyPaid",
    });
  });

  it("lets a failed paymentId be retried as a new transaction", async () => {
    const first = await payThroughCheckout(emulator, {}, "cancel");
    const second = await payThroughCheckout(emulator, { paymentId: first.paymentId });
    expect(second.txId).not.toBe(first.txId);
    expect(await paymentClient(emulator).getPayment({ paymentId: first.paymentId })).toMatchObject({
      status: "PAID",
      transactionId: second.txId,
    });
  });
});

describe("virtual-account expiry", () => {
  // The window's 입금 기한 field, as the browser submits it unchanged.
  async function issueAsTheWindowShowsIt(accountExpiry: Record<string, unknown>) {
    const request = paymentRequest({ payMethod: "VIRTUAL_ACCOUNT", virtualAccount: { accountExpiry } });
    const opened = await openCheckout(emulator, request);
    const page = await (await fetch(`${emulator.url}/checkout/${opened.body.txId}`)).text();
    const dueDate = /id="dueDate"[^>]*value="([^"]*)"/.exec(page)?.[1] ?? "";
    await answerCheckout(emulator, opened.body.txId, "issue", { dueDate });
    const payment = await paymentClient(emulator).getPayment({ paymentId: request.paymentId });
    const method = "method" in payment ? payment.method : undefined;
    if (method?.type !== "PaymentMethodVirtualAccount") throw new Error("not a virtual account");
    return method;
  }

  it("honours validHours to the hour, not to the end of the day", async () => {
    const before = Date.now();
    const method = await issueAsTheWindowShowsIt({ validHours: 24 });
    const expiresIn = Date.parse(method.expiredAt ?? "") - before;
    expect(expiresIn).toBeGreaterThanOrEqual(24 * 3_600_000 - 1_000);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3_600_000 + 60_000);
  });

  it("reads dueDate as a KST day (its last second) or a KST time", async () => {
    expect((await issueAsTheWindowShowsIt({ dueDate: "20301231" })).expiredAt).toBe("2030-12-31T14:59:59.000Z");
    expect((await issueAsTheWindowShowsIt({ dueDate: "2030-12-31 10:30:00" })).expiredAt).toBe(
      "2030-12-31T01:30:00.000Z",
    );
    expect((await issueAsTheWindowShowsIt({ dueDate: "20301231103000" })).expiredAt).toBe("2030-12-31T01:30:00.000Z");
  });
});

describe("checkout window", () => {
  it("shows store, order, amount and method, with labelled controls", async () => {
    const { body } = await openCheckout(emulator, paymentRequest({ payMethod: "VIRTUAL_ACCOUNT" }));
    const html = await (await fetch(`${emulator.url}/checkout/${body.txId}`)).text();
    for (const text of [
      emulator.config.storeName,
      "포인트 10,000P",
      "₩10,000",
      "가상계좌",
      "가상계좌 발급",
      "결제 실패(거절)",
      "창 닫기",
      'for="bank"',
    ]) {
      expect(html).toContain(text);
    }
  });

  it("redirects to redirectUrl with the result, keeping the URL's own parameters", async () => {
    const request = paymentRequest({ redirectUrl: "http://localhost:3000/charge/result?order=42" });
    const opened = await fetch(`${emulator.url}/checkout-api/payments`, {
      method: "POST",
      body: JSON.stringify({ request, mode: "REDIRECTION", parentOrigin: "http://localhost:3000" }),
    });
    const { txId } = (await opened.json()) as { txId: string };
    const answered = await answerCheckout(emulator, txId, "decline");
    expect(answered.status).toBe(303);
    const location = new URL(answered.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("http://localhost:3000/charge/result");
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      order: "42",
      paymentId: request.paymentId,
      txId,
      transactionType: "PAYMENT",
      code: "FAILURE_TYPE_PG",
      pgCode: "REJECT_CARD_COMPANY",
    });
    expect(location.searchParams.get("message")).toContain("REJECT_CARD_COMPANY");
    expect(location.searchParams.get("pgMessage")).toBeTruthy();
  });

  it("refuses redirection without a redirectUrl", async () => {
    const response = await fetch(`${emulator.url}/checkout-api/payments`, {
      method: "POST",
      body: JSON.stringify({ request: paymentRequest(), mode: "REDIRECTION" }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
