import { Ajv, type ValidateFunction } from "ajv";
import { fileURLToPath } from "node:url";
import { createGenerator } from "ts-json-schema-generator";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answerCheckout,
  channelFor,
  control,
  emulatorSuite,
  openPaymentUI,
  payPalRequest,
  payThroughCheckout,
  TEST_CARD_CREDENTIAL,
} from "../helpers.js";
import type { PortOneAnswers } from "./portone-types.js";
import { emulatorDefaults } from "../../src/config.js";

const usdCardKey = emulatorDefaults.channels.find(
  (channel) => channel.currency === "USD" && channel.payMethod === "CARD",
)!.key;

// Every answer of every implemented REST endpoint, success and error, checked against a JSON
// schema made from the official server SDK's types (portone-types.ts): required fields present,
// types, enums and discriminators right. Fields PortOne added after the SDK (`origin`) are allowed.

const suite = emulatorSuite({ virtualAccountRefundMs: 0 });
const validators = new Map<keyof PortOneAnswers, ValidateFunction>();

beforeAll(() => {
  const schema = createGenerator({
    path: fileURLToPath(new URL("./portone-types.ts", import.meta.url)),
    tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)),
    type: "PortOneAnswers",
    skipTypeCheck: true,
    additionalProperties: true,
  }).createSchema("PortOneAnswers");
  // The SDK's unions end in a catch-all for variants newer than it (`Unrecognized`, a symbol that
  // becomes "anything"): the emulator must answer a variant the SDK knows, so it matches nothing.
  if (schema.definitions) schema.definitions.Unrecognized = { not: {} };
  const root = (schema.definitions?.PortOneAnswers ?? schema) as { properties: Record<string, object> };
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const [name, property] of Object.entries(root.properties)) {
    validators.set(name as keyof PortOneAnswers, ajv.compile({ ...property, definitions: schema.definitions }));
  }
}, 120_000);

const checked: string[] = [];

/** Calls the emulator's REST API as the SDK does and checks the raw answer against `shape`. */
async function expectAnswer(
  shape: keyof PortOneAnswers,
  method: string,
  path: string,
  body?: unknown,
  { status = 200, auth = true }: { status?: number; auth?: boolean } = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${suite.emulator.url}${path}`, {
    method,
    headers: auth ? { Authorization: `PortOne ${suite.emulator.config.apiSecret}` } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.status, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(status);
  const validate = validators.get(shape);
  if (!validate) throw new Error(`no schema for ${shape}`);
  const valid = validate(answer);
  expect(valid ? [] : validate.errors, `${method} ${path} as ${shape}: ${JSON.stringify(answer)}`).toEqual([]);
  checked.push(`${method} ${path.replace(/\?.*/, "")} → ${shape}`);
  return answer;
}

const list = (body: unknown) => `requestBody=${encodeURIComponent(JSON.stringify(body))}`;
const refundAccount = { bank: "SHINHAN", number: "110123456789", holderName: "홍길동" };

describe("conformance to the server SDK's types", () => {
  it("authentication", async () => {
    const tokens = await expectAnswer("LoginViaApiSecretResponse", "POST", "/login/api-secret", {
      apiSecret: suite.emulator.config.apiSecret,
    });
    await expectAnswer("RefreshTokenResponse", "POST", "/token/refresh", { refreshToken: tokens.refreshToken });
    await expectAnswer("GetPaymentErrorBody", "GET", "/payments/any", undefined, { status: 401, auth: false });
  });

  it("a payment in every status, listed and paged", async () => {
    const ids: string[] = [];
    const pay = async (overrides: Record<string, unknown>, outcome = "approve") => {
      const { paymentId } = await payThroughCheckout(suite.emulator, overrides, outcome);
      ids.push(paymentId);
      return paymentId;
    };
    await pay({ payMethod: "CARD" });
    await pay({
      payMethod: "EASY_PAY",
      channelKey: channelFor("EASY_PAY").key,
      easyPay: { easyPayProvider: "KAKAOPAY" },
    });
    await pay({ payMethod: "TRANSFER", transfer: { cashReceiptType: "PERSONAL", customerIdentifier: "01012345678" } });
    await pay({ payMethod: "MOBILE" });
    // The global channels: a USD card, and PayPal through loadPaymentUI's window.
    await pay({ channelKey: usdCardKey, currency: "USD", totalAmount: 1999 });
    const payPal = await openPaymentUI(suite.emulator, payPalRequest());
    await answerCheckout(suite.emulator, payPal.body.txId ?? "", "approve");
    ids.push(payPal.body.paymentId ?? "");
    await pay({ payMethod: "CARD" }, "decline");
    const issued = await pay({ payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    const deposited = await pay({ payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    await control(suite.emulator, `/payments/${deposited}/deposit`);
    const partly = await pay({ payMethod: "CARD" });
    await expectAnswer("CancelPaymentResponse", "POST", `/payments/${partly}/cancel`, {
      reason: "일부",
      amount: 3_000,
    });
    const closed = await pay({ payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    await expectAnswer("CloseVirtualAccountResponse", "POST", `/payments/${closed}/virtual-account/close`);
    await expectAnswer("CancelPaymentResponse", "POST", `/payments/${deposited}/cancel`, {
      reason: "환불",
      refundAccount,
    });
    const ready = `conformance-ready-${Date.now()}`;
    await fetch(`${suite.emulator.url}/checkout-api/payments`, {
      method: "POST",
      body: JSON.stringify({
        request: { ...(await import("../helpers.js")).paymentRequest({ paymentId: ready }) },
        mode: "IFRAME",
        parentOrigin: "http://localhost:3000",
        pageUrl: "http://localhost:3000/charge",
      }),
    });
    ids.push(ready, issued);

    const statuses = new Set<unknown>();
    for (const id of ids) statuses.add((await expectAnswer("Payment", "GET", `/payments/${id}`)).status);
    expect([...statuses].sort()).toEqual(
      ["CANCELLED", "FAILED", "PAID", "PARTIAL_CANCELLED", "READY", "VIRTUAL_ACCOUNT_ISSUED"].sort(),
    );
    await expectAnswer("GetPaymentsResponse", "GET", `/payments?${list({ page: { number: 0, size: 5 } })}`);
    const first = await expectAnswer(
      "GetAllPaymentsByCursorResponse",
      "GET",
      `/payments-by-cursor?${list({ size: 3 })}`,
    );
    const cursor = (first.items as { cursor: string }[]).at(-1)?.cursor;
    await expectAnswer("GetAllPaymentsByCursorResponse", "GET", `/payments-by-cursor?${list({ size: 3, cursor })}`);
  });

  it("pre-registration, cancellations, resends and cash receipts, with their errors", async () => {
    const id = `conformance-pre-${Date.now()}`;
    await expectAnswer("PreRegisterPaymentResponse", "POST", `/payments/${id}/pre-register`, {
      totalAmount: 10_000,
      currency: "KRW",
    });
    const { paymentId } = await payThroughCheckout(suite.emulator, {
      payMethod: "TRANSFER",
      transfer: { cashReceiptType: "CORPORATE", customerIdentifier: "2208162517" },
    });
    await expectAnswer(
      "PreRegisterPaymentErrorBody",
      "POST",
      `/payments/${paymentId}/pre-register`,
      {},
      { status: 409 },
    );
    await expectAnswer("CashReceipt", "GET", `/payments/${paymentId}/cash-receipt`);
    await expectAnswer(
      "ResendWebhookErrorBody",
      "POST",
      `/payments/${paymentId}/resend-webhook`,
      { webhookId: "nope" },
      {
        status: 404,
      },
    );
    const webhookId = ((await suite.client.getPayment({ paymentId })) as { webhooks?: { id: string }[] }).webhooks?.[0]
      ?.id;
    if (webhookId)
      await expectAnswer("ResendWebhookResponse", "POST", `/payments/${paymentId}/resend-webhook`, { webhookId });
    await expectAnswer(
      "CancelPaymentErrorBody",
      "POST",
      `/payments/${paymentId}/cancel`,
      { reason: "x", amount: 99_999 },
      {
        status: 409,
      },
    );
    await expectAnswer("CancelPaymentResponse", "POST", `/payments/${paymentId}/cancel`, { reason: "전액" });
    await expectAnswer("CashReceipt", "GET", `/payments/${paymentId}/cash-receipt`);
    await expectAnswer(
      "CancelPaymentErrorBody",
      "POST",
      `/payments/${paymentId}/cancel`,
      { reason: "again" },
      {
        status: 409,
      },
    );
    await expectAnswer(
      "CloseVirtualAccountErrorBody",
      "POST",
      `/payments/${paymentId}/virtual-account/close`,
      undefined,
      {
        status: 409,
      },
    );
    await expectAnswer("GetPaymentErrorBody", "GET", `/payments/no-such-payment`, undefined, { status: 404 });
    const card = await payThroughCheckout(suite.emulator, { payMethod: "CARD" });
    await expectAnswer("GetCashReceiptErrorBody", "GET", `/payments/${card.paymentId}/cash-receipt`, undefined, {
      status: 404,
    });
  });

  it("billing keys and payments with them", async () => {
    const issued = await expectAnswer("IssueBillingKeyResponse", "POST", "/billing-keys", {
      method: { card: { credential: TEST_CARD_CREDENTIAL } },
      customer: { id: "user-conformance" },
    });
    const billingKey = (issued.billingKeyInfo as { billingKey: string }).billingKey;
    await expectAnswer("BillingKeyInfo", "GET", `/billing-keys/${billingKey}`);
    await expectAnswer("PayWithBillingKeyResponse", "POST", `/payments/conformance-bk-${Date.now()}/billing-key`, {
      billingKey,
      orderName: "정기 충전",
      amount: { total: 5_000 },
      currency: "KRW",
    });
    await expectAnswer("DeleteBillingKeyResponse", "DELETE", `/billing-keys/${billingKey}`);
    await expectAnswer("BillingKeyInfo", "GET", `/billing-keys/${billingKey}`);
    await expectAnswer("DeleteBillingKeyErrorBody", "DELETE", `/billing-keys/${billingKey}`, undefined, {
      status: 409,
    });
    await expectAnswer("GetBillingKeyInfoErrorBody", "GET", "/billing-keys/no-such-key", undefined, { status: 404 });
  });

  it("payment schedules, declined and expired cards, with their errors", async () => {
    const issued = await expectAnswer("IssueBillingKeyResponse", "POST", "/billing-keys", {
      method: { card: { credential: TEST_CARD_CREDENTIAL } },
      customer: { id: "user-conformance-schedule" },
    });
    const billingKey = (issued.billingKeyInfo as { billingKey: string }).billingKey;
    const payment = { billingKey, orderName: "자동 충전", amount: { total: 10_000 }, currency: "KRW" };
    const stamp = Date.now();
    const inAYear = new Date(stamp + 365 * 24 * 60 * 60_000).toISOString();
    const created = await expectAnswer(
      "CreatePaymentScheduleResponse",
      "POST",
      `/payments/conf-sched-${stamp}/schedule`,
      {
        payment,
        timeToPay: inAYear,
      },
    );
    const scheduleId = (created.schedule as { id: string }).id;
    await expectAnswer("PaymentSchedule", "GET", `/payment-schedules/${scheduleId}`);
    const until = new Date(stamp + 365 * 24 * 60 * 60_000 + 60 * 60_000).toISOString();
    await expectAnswer("GetPaymentSchedulesResponse", "GET", `/payment-schedules?${list({ filter: { until } })}`);
    for (const [status, body] of [
      [409, { payment, timeToPay: inAYear }],
      [400, { payment, timeToPay: "soon" }],
      [404, { payment: { ...payment, billingKey: "no-such-key" }, timeToPay: inAYear }],
      [409, { payment: { ...payment, amount: { total: 100, taxFree: 200 } }, timeToPay: inAYear }],
      [403, { payment: { ...payment, storeId: "store-other" }, timeToPay: inAYear }],
    ] as const) {
      await expectAnswer("CreatePaymentScheduleErrorBody", "POST", `/payments/conf-sched-${stamp}/schedule`, body, {
        status,
      });
    }
    await expectAnswer(
      "CreatePaymentScheduleErrorBody",
      "POST",
      `/payments/x/schedule`,
      {},
      { status: 401, auth: false },
    );
    await expectAnswer("PayWithBillingKeyErrorBody", "POST", `/payments/conf-sched-${stamp}/billing-key`, payment, {
      status: 409,
    });
    await expectAnswer("DeleteBillingKeyErrorBody", "DELETE", `/billing-keys/${billingKey}`, undefined, {
      status: 409,
    });
    await expectAnswer("GetPaymentScheduleErrorBody", "GET", "/payment-schedules/no-such-schedule", undefined, {
      status: 404,
    });
    await expectAnswer(
      "GetPaymentSchedulesErrorBody",
      "GET",
      `/payment-schedules?${list({ filter: { storeId: "store-other" } })}`,
      undefined,
      { status: 403 },
    );
    await expectAnswer(
      "GetPaymentSchedulesErrorBody",
      "GET",
      `/payment-schedules?${list({ sort: { by: "X" } })}`,
      undefined,
      {
        status: 400,
      },
    );
    const revoke = (body: unknown, status = 200) =>
      expectAnswer(
        status === 200 ? "RevokePaymentSchedulesResponse" : "RevokePaymentSchedulesErrorBody",
        "DELETE",
        `/payment-schedules?${list(body)}`,
        undefined,
        { status },
      );
    await revoke({}, 400);
    await revoke({ scheduleIds: ["no-such-schedule"] }, 404);
    await revoke({ billingKey: "no-such-key" }, 404);
    await revoke({ scheduleIds: [scheduleId] });
    await revoke({ scheduleIds: [scheduleId] }, 409);

    // A schedule that runs: succeeded, then one whose card is declined, then an expired card.
    const runs = async (paymentId: string) => {
      const answer = await expectAnswer("CreatePaymentScheduleResponse", "POST", `/payments/${paymentId}/schedule`, {
        payment,
        timeToPay: inAYear,
      });
      const id = (answer.schedule as { id: string }).id;
      await control(suite.emulator, `/payment-schedules/${id}/run`);
      return (await expectAnswer("PaymentSchedule", "GET", `/payment-schedules/${id}`)).status;
    };
    expect(await runs(`conf-sched-ok-${stamp}`)).toBe("SUCCEEDED");
    await expectAnswer("Payment", "GET", `/payments/conf-sched-ok-${stamp}`);
    await control(suite.emulator, `/billing-keys/${billingKey}/decline`, { count: 2 });
    expect(await runs(`conf-sched-declined-${stamp}`)).toBe("FAILED");
    await expectAnswer("Payment", "GET", `/payments/conf-sched-declined-${stamp}`);
    await expectAnswer("PayWithBillingKeyErrorBody", "POST", `/payments/conf-declined-${stamp}/billing-key`, payment, {
      status: 502,
    });
    const [succeeded] = (
      await suite.client.paymentSchedule.getPaymentSchedules({
        filter: { billingKey, status: ["SUCCEEDED"], until },
      })
    ).items;
    await revoke({ scheduleIds: [succeeded && "id" in succeeded ? succeeded.id : ""] }, 409);
    await control(suite.emulator, `/billing-keys/${billingKey}/expire`);
    expect(await runs(`conf-sched-expired-${stamp}`)).toBe("FAILED");
    await expectAnswer(
      "GetPaymentSchedulesResponse",
      "GET",
      `/payment-schedules?${list({ filter: { billingKey, until } })}`,
    );
    await revoke({ billingKey });
    await expectAnswer("DeleteBillingKeyResponse", "DELETE", `/billing-keys/${billingKey}`);
    await revoke({ billingKey }, 409);
    await expectAnswer(
      "IssueBillingKeyErrorBody",
      "POST",
      "/billing-keys",
      { method: { card: { credential: { ...TEST_CARD_CREDENTIAL, expiryYear: "20", expiryMonth: "01" } } } },
      { status: 502 },
    );
  });

  it("the schemas refuse what PortOne would not send", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "CARD" });
    const paid = (await suite.client.getPayment({ paymentId })) as unknown as Record<string, unknown>;
    const refuses = (shape: keyof PortOneAnswers, value: unknown) => expect(validators.get(shape)?.(value)).toBe(false);
    refuses("Payment", { ...paid, id: undefined });
    refuses("Payment", { ...paid, paidAt: undefined });
    refuses("Payment", { ...paid, status: "SETTLED" === paid.status ? "x" : "PAID", amount: { total: "10000" } });
    refuses("GetPaymentErrorBody", { type: "NOT_FOUND", message: "x" });
    refuses("CancelPaymentErrorBody", { type: "INFORMATION_MISMATCH" });
    expect(validators.get("Payment")?.(paid)).toBe(true);
  });

  it("checked every answer kind", () => {
    const shapes = new Set(checked.map((line) => line.split(" → ")[1]));
    expect([...validators.keys()].filter((shape) => !shapes.has(shape))).toEqual([]);
    console.log(`[conformance] ${checked.length} answers of ${new Set(checked).size} endpoint × shape pairs conform`);
  });
});
