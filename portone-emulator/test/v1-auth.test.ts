import { describe, expect, it } from "vitest";
import { sleep } from "./helpers.js";
import { payV1, v1Call, v1Suite } from "./v1-helpers.js";

// V1 access tokens: POST /users/getToken with imp_key/imp_secret, 30 minutes in PortOne (here
// 1.5 s), one token per key until it expires, 401 without a valid one.
const suite = v1Suite({ v1TokenTtlMs: 1_500 });

async function getToken(body: unknown, contentType = "application/json") {
  const response = await fetch(`${suite.emulator.url}/users/getToken`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      code: number;
      message: string | null;
      response: { access_token: string; expired_at: number; now: number } | null;
    },
  };
}

describe("V1 authentication", () => {
  it("issues a token for the configured key and secret, as JSON or as a form", async () => {
    const { v1ApiKey, v1ApiSecret } = suite.emulator.config;
    const json = await getToken({ imp_key: v1ApiKey, imp_secret: v1ApiSecret });
    expect(json.status).toBe(200);
    expect(json.body.code).toBe(0);
    expect(json.body.message).toBeNull();
    const token = json.body.response!;
    expect(token.access_token).toMatch(/^\S{20,}$/);
    expect(token.expired_at).toBeGreaterThanOrEqual(token.now);
    expect(token.expired_at - token.now).toBeLessThanOrEqual(2);

    // Asked again before it expires: the same token, as PortOne reuses a live one.
    const form = await getToken(
      new URLSearchParams({ imp_key: v1ApiKey, imp_secret: v1ApiSecret }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(form.status).toBe(200);
    expect(form.body.response?.access_token).toBe(token.access_token);
  });

  it("refuses a wrong secret with 401 and code -1, and a missing one with 400", async () => {
    const wrong = await getToken({ imp_key: suite.emulator.config.v1ApiKey, imp_secret: "nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: -1, response: null });
    const missing = await getToken({ imp_key: suite.emulator.config.v1ApiKey });
    expect(missing.status).toBe(400);
    expect(missing.body.code).not.toBe(0);
  });

  it("answers 401 to a request with no token, an unknown token, or an expired one", async () => {
    const { impUid } = await payV1(suite.emulator);
    const none = await v1Call(suite.emulator, "GET", `/payments/${impUid}`, undefined, null);
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ code: -1, message: "Unauthorized", response: null });
    const unknown = await v1Call(suite.emulator, "GET", `/payments/${impUid}`, undefined, "not-a-token");
    expect(unknown.status).toBe(401);

    const fresh = await getToken({
      imp_key: suite.emulator.config.v1ApiKey,
      imp_secret: suite.emulator.config.v1ApiSecret,
    });
    const token = fresh.body.response!.access_token;
    const ok = await v1Call(suite.emulator, "GET", `/payments/${impUid}`, undefined, `Bearer ${token}`);
    expect(ok.status).toBe(200);
    await sleep(1_700);
    const expired = await v1Call(suite.emulator, "GET", `/payments/${impUid}`, undefined, token);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe(-1);

    // After expiry getToken issues a new token.
    const renewed = await getToken({
      imp_key: suite.emulator.config.v1ApiKey,
      imp_secret: suite.emulator.config.v1ApiSecret,
    });
    expect(renewed.body.response?.access_token).not.toBe(token);
  });

  it("leaves V2's GET /payments/{paymentId} to V2", async () => {
    const response = await fetch(`${suite.emulator.url}/payments/imp_000000000000`, {
      headers: { Authorization: `PortOne ${suite.emulator.config.apiSecret}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: "PAYMENT_NOT_FOUND" });
  });
});
