import { PaymentClient } from "@portone/server-sdk";
import { afterAll, beforeAll } from "vitest";
import { emulatorDefaults, type EmulatorConfig, type EmulatorPayMethod } from "../src/config.js";
import { startEmulator, type RunningEmulator } from "../src/server.js";

import { startWebhookReceiver } from "./webhook-receiver.js";

export { startWebhookReceiver, type ReceivedWebhook, type Reply } from "./webhook-receiver.js";

/**
 * One emulator for a test file, posting its webhooks to a local receiver, with an SDK client;
 * started before the file's tests and stopped after them.
 */
export function emulatorSuite(overrides: Partial<EmulatorConfig> = {}) {
  const suite = {} as {
    emulator: RunningEmulator;
    receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
    client: ReturnType<typeof paymentClient>;
  };
  beforeAll(async () => {
    suite.receiver = await startWebhookReceiver();
    suite.emulator = await startTestEmulator({ webhookUrl: suite.receiver.url, ...overrides });
    suite.client = paymentClient(suite.emulator);
  });
  afterAll(async () => {
    await suite.emulator.close();
    await suite.receiver.close();
  });
  return suite;
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waitFor: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startTestEmulator(overrides: Partial<EmulatorConfig> = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, retryScale: 0.0005, webhookTimeoutMs: 1_000, ...overrides });
}

export function paymentClient(emulator: RunningEmulator) {
  return PaymentClient({ secret: emulator.config.apiSecret, baseUrl: emulator.url });
}

export function channelFor(payMethod: EmulatorPayMethod) {
  const channel = emulatorDefaults.channels.find((candidate) => candidate.payMethod === payMethod);
  if (!channel) throw new Error(`no ${payMethod} channel`);
  return channel;
}

let counter = 0;
export const uniquePaymentId = (prefix = "test") => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function paymentRequest(overrides: Record<string, unknown> = {}) {
  const payMethod = (overrides.payMethod as EmulatorPayMethod | undefined) ?? "CARD";
  return {
    storeId: emulatorDefaults.storeId,
    channelKey: channelFor(payMethod).key,
    paymentId: uniquePaymentId(),
    orderName: "포인트 10,000P",
    totalAmount: 10_000,
    currency: "KRW",
    payMethod,
    customData: { packageId: "p10000" },
    ...overrides,
  };
}

/** Opens a checkout window over HTTP, as the browser script does. */
export async function openCheckout(emulator: RunningEmulator, request: Record<string, unknown>) {
  const response = await fetch(`${emulator.url}/checkout-api/payments`, {
    method: "POST",
    body: JSON.stringify({
      request,
      mode: "IFRAME",
      parentOrigin: "http://localhost:3000",
      pageUrl: "http://localhost:3000/charge",
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { txId: string; paymentId: string; code?: string; message?: string },
  };
}

/** Opens PayPal's window over HTTP, as loadPaymentUI's button does (`/check`: only loading it). */
export async function openPaymentUI(
  emulator: RunningEmulator,
  request: Record<string, unknown>,
  path: "" | "/check" = "",
) {
  const response = await fetch(`${emulator.url}/checkout-api/payment-ui${path}`, {
    method: "POST",
    body: JSON.stringify({ request, mode: "POPUP", parentOrigin: "http://localhost:3000" }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { txId?: string; paymentId?: string; code?: string; message?: string },
  };
}

/** loadPaymentUI's request on the default PayPal channel: uiType PAYPAL_SPB, no payMethod. */
export function payPalRequest(overrides: Record<string, unknown> = {}) {
  const request: Record<string, unknown> = {
    ...paymentRequest({ channelKey: channelFor("PAYPAL").key, currency: "USD", totalAmount: 1999 }),
    uiType: "PAYPAL_SPB",
    ...overrides,
  };
  if (!("payMethod" in overrides)) delete request.payMethod;
  return request;
}

/** Presses a button of the checkout window (approve, decline, cancel, issue) with form fields. */
export async function answerCheckout(
  emulator: RunningEmulator,
  txId: string,
  outcome: string,
  fields: Record<string, string> = {},
) {
  return fetch(`${emulator.url}/checkout/${txId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome, ...fields }).toString(),
    redirect: "manual",
  });
}

/** A payment taken all the way through the window with the given outcome. */
export async function payThroughCheckout(
  emulator: RunningEmulator,
  overrides: Record<string, unknown> = {},
  outcome = "approve",
  fields: Record<string, string> = {},
) {
  const request = paymentRequest(overrides);
  const opened = await openCheckout(emulator, request);
  if (opened.status !== 200) throw new Error(`checkout refused: ${JSON.stringify(opened.body)}`);
  await answerCheckout(emulator, opened.body.txId, outcome, fields);
  return { paymentId: request.paymentId, txId: opened.body.txId, request };
}

export async function control(emulator: RunningEmulator, path: string, body?: unknown, method = "POST") {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A test card's key-in credential, as `issueBillingKey` takes it (any well-formed card works). */
export const TEST_CARD_CREDENTIAL = {
  number: "5361810000001234",
  expiryYear: "30",
  expiryMonth: "12",
  birthOrBusinessRegistrationNumber: "900101",
  passwordTwoDigits: "00",
};
