import { beforeEach, describe, expect, it, vi } from "vitest";
import { API_ERROR_STATUS, ApiError, errorAnswer, type ApiErrorCode } from "../lib/http/api-error";
import { setOfflineAppEnv } from "./support/app-env";

const request = vi.hoisted(() => ({ locale: "ko" as "ko" | "en" }));
vi.mock("next-intl/server", async () =>
  (await import("./support/request-translations")).requestTranslationsIn(() => request.locale),
);
beforeEach(() => {
  request.locale = "ko";
});

// error-response logs through lib/observability/log, which reads the environment when imported.
setOfflineAppEnv();
const { errorResponse } = await import("../lib/http/error-response");

// What clients are promised (README, e2e specs): written out here, so changing a status in the
// map is a visible decision, not an accident.
const DOCUMENTED: Record<ApiErrorCode, number> = {
  invalid_request: 400,
  idempotency_key_required: 400,
  invalid_signature: 400,
  malformed_path: 400,
  invalid_callback_url: 400,
  unauthenticated: 401,
  invalid_api_key: 401,
  invalid_cron_secret: 401,
  sender_not_allowed: 403,
  payment_not_found: 404,
  user_not_found: 404,
  service_api_disabled: 404,
  reconcile_disabled: 404,
  v1_webhooks_disabled: 404,
  idempotency_key_reused: 409,
  insufficient_points: 409,
  spending_blocked: 409,
  reconcile_running: 409,
  payload_too_large: 413,
  internal_error: 500,
  temporarily_unavailable: 503,
};

describe("ApiError", () => {
  it("knows every code and only those", () => {
    expect(API_ERROR_STATUS).toEqual(DOCUMENTED);
  });

  it.each(Object.entries(DOCUMENTED) as [ApiErrorCode, number][])(
    "answers %s with %i and the code",
    async (code, status) => {
      const response = await errorResponse(new ApiError(code, "why"));
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: code, message: "why" });
    },
  );

  it("keeps a refusal's details beside the code", () => {
    expect(errorAnswer("insufficient_points", "Not enough points.", { balance: { total: 5 } })).toEqual({
      status: 409,
      body: { error: "insufficient_points", message: "Not enough points.", balance: { total: 5 } },
    });
  });

  it("answers anything else as internal_error, without its message", async () => {
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const response = await errorResponse(new Error("connection string postgres://secret@db"));
    request.locale = "en";
    const english = await errorResponse(new Error("another bug"));
    stdout.mockRestore();
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: "internal_error", message: "일시적인 오류입니다. 잠시 후 다시 시도해 주세요." });
    // In the request's language: a buyer's page may show it.
    expect(await english.json()).toEqual({
      error: "internal_error",
      message: "Something went wrong on our side. Please try again in a moment.",
    });
    expect(JSON.stringify(body)).not.toContain("secret");
    // The operator still learns what happened, as one JSON line at level error.
    expect(written.map((line) => JSON.parse(line))).toMatchObject([
      { level: "error", msg: "route handler failed" },
      { level: "error", msg: "route handler failed" },
    ]);
  });

  it("does not compile with a code outside the map", () => {
    // @ts-expect-error an unknown code has no status
    expect(new ApiError("no_such_code", "x").status).toBeUndefined();
  });
});
