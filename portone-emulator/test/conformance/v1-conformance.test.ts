import { Ajv, type ValidateFunction } from "ajv";
import { fileURLToPath } from "node:url";
import { createGenerator } from "ts-json-schema-generator";
import { beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../helpers.js";
import { payV1, uniqueMerchantUid, v1Suite, v1Token } from "../v1-helpers.js";
import type { V1Answers } from "./v1-types.js";

// Every V1 answer the emulator gives, success and refusal, checked against JSON schemas made from
// the hand-written V1 types (v1-types.ts). No extra properties: a field V1 does not document is
// a mistake here, unlike V2 where PortOne's schema is newer than the SDK's types.

const suite = v1Suite({ virtualAccountRefundMs: 0 });
const validators = new Map<keyof V1Answers, ValidateFunction>();

beforeAll(() => {
  const schema = createGenerator({
    path: fileURLToPath(new URL("./v1-types.ts", import.meta.url)),
    tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)),
    type: "V1Answers",
    skipTypeCheck: true,
    additionalProperties: false,
  }).createSchema("V1Answers");
  const root = (schema.definitions?.V1Answers ?? schema) as { properties: Record<string, object> };
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const [name, property] of Object.entries(root.properties)) {
    validators.set(name as keyof V1Answers, ajv.compile({ ...property, definitions: schema.definitions }));
  }
}, 120_000);

function check(shape: keyof V1Answers, value: unknown, what: string): void {
  const validate = validators.get(shape);
  if (!validate) throw new Error(`no schema for ${shape}`);
  const valid = validate(value);
  expect(valid ? [] : validate.errors, `${what} as ${shape}: ${JSON.stringify(value)}`).toEqual([]);
}

async function expectAnswer(
  shape: keyof V1Answers,
  method: string,
  path: string,
  body?: unknown,
  { status = 200, token }: { status?: number; token?: string | null } = {},
): Promise<Record<string, unknown>> {
  const credential = token === undefined ? await v1Token(suite.emulator) : token;
  const response = await fetch(`${suite.emulator.url}${path}`, {
    method,
    headers: credential ? { Authorization: credential } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.status, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(status);
  check(shape, answer, `${method} ${path}`);
  return answer;
}

describe("V1 answers conform to the V1 reference's shapes", () => {
  it("authentication", async () => {
    const { v1ApiKey, v1ApiSecret } = suite.emulator.config;
    await expectAnswer(
      "AuthResponse",
      "POST",
      "/users/getToken",
      { imp_key: v1ApiKey, imp_secret: v1ApiSecret },
      { token: null },
    );
    await expectAnswer(
      "Failure",
      "POST",
      "/users/getToken",
      { imp_key: v1ApiKey, imp_secret: "x" },
      { status: 401, token: null },
    );
    await expectAnswer("Failure", "GET", "/payments/imp_000000000000", undefined, { status: 401, token: null });
  });

  it("payments in every status, by id, by merchant_uid and listed", async () => {
    const card = await payV1(suite.emulator, {}, "approve", { installment: "3" });
    const trans = await payV1(suite.emulator, { pay_method: "trans" }, "approve", { bank: "HANA" });
    const phone = await payV1(suite.emulator, { pay_method: "phone", pg: "danal" });
    const easy = await payV1(suite.emulator, { pay_method: "kakaopay", pg: "kakaopay" });
    const failed = await payV1(suite.emulator, {}, "decline");
    const vbank = await payV1(suite.emulator, { pay_method: "vbank" }, "issue");
    for (const { impUid } of [card, trans, phone, easy, failed, vbank])
      await expectAnswer("PaymentResponse", "GET", `/payments/${impUid}`);
    await expectAnswer("PaymentResponse", "GET", `/payments/find/${card.params.merchant_uid}`);
    await expectAnswer("PaymentResponse", "GET", `/payments/find/${card.params.merchant_uid}/paid`);
    await expectAnswer("PaymentListResponse", "GET", `/payments/findAll/${card.params.merchant_uid}`);
    for (const status of ["all", "ready", "paid", "cancelled", "failed"])
      await expectAnswer("PaymentListResponse", "GET", `/payments/status/${status}?limit=100`);
    await expectAnswer("Failure", "GET", "/payments/imp_999999999999", undefined, { status: 404 });
    await expectAnswer("Failure", "GET", "/payments/status/nope", undefined, { status: 400 });
    await expectAnswer("Failure", "GET", `/payments/find/${uniqueMerchantUid()}`, undefined, { status: 404 });
  });

  it("prepare", async () => {
    const merchantUid = uniqueMerchantUid("prep");
    await expectAnswer("PaymentPrepareResponse", "POST", "/payments/prepare", {
      merchant_uid: merchantUid,
      amount: 1000,
    });
    await expectAnswer("PaymentPrepareResponse", "PUT", "/payments/prepare", {
      merchant_uid: merchantUid,
      amount: 2000,
    });
    await expectAnswer("PaymentPrepareResponse", "GET", `/payments/prepare/${merchantUid}`);
    await expectAnswer("Failure", "POST", "/payments/prepare", { merchant_uid: merchantUid, amount: 2000 });
    await expectAnswer("Failure", "GET", `/payments/prepare/${uniqueMerchantUid()}`, undefined, { status: 404 });
  });

  it("cancel, and the notices", async () => {
    const { impUid } = await payV1(suite.emulator);
    await expectAnswer("PaymentResponse", "POST", "/payments/cancel", {
      imp_uid: impUid,
      amount: 1000,
      checksum: 10_000,
    });
    await expectAnswer("PaymentResponse", "POST", "/payments/cancel", { imp_uid: impUid, enable_webhook: true });
    await expectAnswer("Failure", "POST", "/payments/cancel", { imp_uid: impUid });
    await expectAnswer("Failure", "POST", "/payments/cancel", {}, { status: 400 });
    const vbank = await payV1(suite.emulator, { pay_method: "vbank" }, "issue");
    await fetch(`${suite.emulator.url}/__emulator/v1/payments/${vbank.impUid}/deposit`, { method: "POST" });
    await waitFor(() => suite.receiver.forPayment(vbank.impUid).length === 2);
    await waitFor(() => suite.receiver.forPayment(impUid).length === 2);
    for (const notice of suite.receiver.received) check("Notice", notice.fields, "notice");
  });
});
