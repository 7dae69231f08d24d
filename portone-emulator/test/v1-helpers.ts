import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import type { EmulatorConfig } from "../src/config.js";
import type { RunningEmulator } from "../src/server.js";
import { startTestEmulator } from "./helpers.js";

// Helpers for the PortOne V1 (I'mport) side: a suite with a notice receiver, V1 REST calls with a
// token, and payments taken through the V1 window over HTTP as iamport.js does.

export interface ReceivedV1Notice {
  contentType: string;
  fields: Record<string, string>;
}

/** Records V1 notices (JSON or form); `reply` picks each answer's status. */
export async function startV1NoticeReceiver(reply: (index: number) => number = () => 200) {
  const received: ReceivedV1Notice[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const contentType = req.headers["content-type"] ?? "";
      const fields = contentType.includes("json")
        ? (JSON.parse(text) as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(text));
      received.push({ contentType, fields });
      res.writeHead(reply(received.length - 1)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1-notices`,
    received,
    forPayment: (impUid: string) => received.filter((notice) => notice.fields.imp_uid === impUid),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function v1Suite(overrides: Partial<EmulatorConfig> = {}, reply?: (index: number) => number) {
  const suite = {} as { emulator: RunningEmulator; receiver: Awaited<ReturnType<typeof startV1NoticeReceiver>> };
  beforeAll(async () => {
    suite.receiver = await startV1NoticeReceiver(reply);
    suite.emulator = await startTestEmulator({ v1WebhookUrl: suite.receiver.url, ...overrides });
  });
  afterAll(async () => {
    await suite.emulator.close();
    await suite.receiver.close();
  });
  return suite;
}

export interface V1Answer<T = Record<string, unknown>> {
  status: number;
  body: { code: number; message: string | null; response: T | null };
}

export async function v1Token(emulator: RunningEmulator): Promise<string> {
  const response = await fetch(`${emulator.url}/users/getToken`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ imp_key: emulator.config.v1ApiKey, imp_secret: emulator.config.v1ApiSecret }),
  });
  const body = (await response.json()) as { response: { access_token: string } };
  return body.response.access_token;
}

/** A V1 REST call with a fresh token (or the given one; null = none). */
export async function v1Call<T = Record<string, unknown>>(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<V1Answer<T>> {
  const credential = token === undefined ? await v1Token(emulator) : token;
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      ...(credential ? { Authorization: credential } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as V1Answer<T>["body"] };
}

let counter = 0;
export const uniqueMerchantUid = (prefix = "order") =>
  `${prefix}_${Date.now().toString(36)}_${(counter++).toString(36)}`;

export function v1Params(overrides: Record<string, unknown> = {}) {
  return {
    pg: "html5_inicis.INIpayTest",
    pay_method: "card",
    merchant_uid: uniqueMerchantUid(),
    name: "포인트 10,000P",
    amount: 10_000,
    buyer_name: "홍길동",
    buyer_email: "buyer@example.test",
    custom_data: { packageId: "p10000" },
    ...overrides,
  };
}

/** request_pay's first step over HTTP: 200 {txId, imp_uid, mode} or 400 {result}. */
export async function openV1Window(
  emulator: RunningEmulator,
  params: Record<string, unknown>,
  { isMobile = false, impCode = emulator.config.v1ImpCode }: { isMobile?: boolean; impCode?: string } = {},
) {
  const response = await fetch(`${emulator.url}/v1/checkout-api/payments`, {
    method: "POST",
    body: JSON.stringify({ impCode, params, parentOrigin: "http://localhost:3000", isMobile }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      txId?: string;
      imp_uid?: string;
      mode?: string;
      result?: Record<string, unknown>;
      redirectTo?: string;
    },
  };
}

/** Presses a button of the V1 window; returns the response (relay page or redirect). */
export async function answerV1Window(
  emulator: RunningEmulator,
  txId: string,
  outcome: string,
  fields: Record<string, string> = {},
) {
  return fetch(`${emulator.url}/v1/checkout/${txId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome, ...fields }).toString(),
    redirect: "manual",
  });
}

/** A V1 payment taken through the window; returns its imp_uid and params. */
export async function payV1(
  emulator: RunningEmulator,
  overrides: Record<string, unknown> = {},
  outcome = "approve",
  fields: Record<string, string> = {},
) {
  const params = v1Params(overrides);
  const opened = await openV1Window(emulator, params);
  if (opened.status !== 200 || !opened.body.txId) throw new Error(`window refused: ${JSON.stringify(opened.body)}`);
  const answer = await answerV1Window(emulator, opened.body.txId, outcome, fields);
  return { impUid: opened.body.imp_uid as string, params, txId: opened.body.txId, answer };
}
