import { describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { payV1, v1Call, v1Suite } from "./v1-helpers.js";

interface Payment {
  imp_uid: string;
  status: string;
  amount: number;
  cancel_amount: number;
  cancelled_at: number;
  cancel_reason: string | null;
  cancel_history: { amount: number; reason: string; cancellation_id: string; cancelled_at: number; pg_tid: string }[];
}

const suite = v1Suite();

describe("V1 POST /payments/cancel", () => {
  it("cancels in full by imp_uid and refuses a second cancel", async () => {
    const { impUid } = await payV1(suite.emulator);
    const cancelled = await v1Call<Payment>(suite.emulator, "POST", "/payments/cancel", {
      imp_uid: impUid,
      reason: "고객 요청",
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.code).toBe(0);
    expect(cancelled.body.response).toMatchObject({
      imp_uid: impUid,
      status: "cancelled",
      cancel_amount: 10_000,
      cancel_reason: "고객 요청",
    });
    expect(cancelled.body.response!.cancelled_at).toBeGreaterThan(0);
    expect(cancelled.body.response!.cancel_history).toEqual([
      expect.objectContaining({ amount: 10_000, reason: "고객 요청", cancellation_id: expect.any(String) }),
    ]);
    const again = await v1Call(suite.emulator, "POST", "/payments/cancel", { imp_uid: impUid });
    expect(again.status).toBe(200);
    expect(again.body.code).not.toBe(0);
    expect(again.body.response).toBeNull();
    // An API cancel sends no notice unless asked for.
    expect(suite.receiver.forPayment(impUid).map((notice) => notice.fields.status)).toEqual(["paid"]);
  });

  it("cancels partially by merchant_uid with checksum, refusing a stale checksum or too much", async () => {
    const { impUid, params } = await payV1(suite.emulator);
    const stale = await v1Call(suite.emulator, "POST", "/payments/cancel", {
      merchant_uid: params.merchant_uid,
      amount: 3_000,
      checksum: 9_000,
    });
    expect(stale.body.code).not.toBe(0);
    expect(String(stale.body.message)).toContain("checksum");

    const first = await v1Call<Payment>(suite.emulator, "POST", "/payments/cancel", {
      merchant_uid: params.merchant_uid,
      amount: 3_000,
      checksum: 10_000,
      reason: "부분 환불",
    });
    expect(first.body.code).toBe(0);
    expect(first.body.response).toMatchObject({ status: "paid", cancel_amount: 3_000, cancelled_at: 0 });

    const tooMuch = await v1Call(suite.emulator, "POST", "/payments/cancel", { imp_uid: impUid, amount: 8_000 });
    expect(tooMuch.body.code).not.toBe(0);

    // Form-encoded, as V1 clients often send it; amount omitted = the rest.
    const token = (
      await v1Call<{ access_token: string }>(
        suite.emulator,
        "POST",
        "/users/getToken",
        {
          imp_key: suite.emulator.config.v1ApiKey,
          imp_secret: suite.emulator.config.v1ApiSecret,
        },
        null,
      )
    ).body.response!.access_token;
    const rest = await fetch(`${suite.emulator.url}/payments/cancel`, {
      method: "POST",
      headers: { Authorization: token, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        imp_uid: impUid,
        checksum: "7000",
        reason: "나머지",
        enable_webhook: "true",
      }).toString(),
    });
    const body = (await rest.json()) as { code: number; response: Payment };
    expect(body.code).toBe(0);
    expect(body.response).toMatchObject({ status: "cancelled", cancel_amount: 10_000 });
    expect(body.response.cancel_history.map((entry) => entry.amount)).toEqual([3_000, 7_000]);
    // enable_webhook=true: the cancel is notified, with its cancellation_id.
    const notice = await waitFor(() =>
      suite.receiver.forPayment(impUid).find((candidate) => candidate.fields.status === "cancelled"),
    );
    expect(notice.fields.cancellation_id).toBe(body.response.cancel_history[1]!.cancellation_id);
  });

  it("needs the refund account for a deposited virtual account", async () => {
    const { impUid } = await payV1(suite.emulator, { pay_method: "vbank" }, "issue");
    const deposit = await fetch(`${suite.emulator.url}/__emulator/v1/payments/${impUid}/deposit`, { method: "POST" });
    expect(deposit.status).toBe(200);
    const missing = await v1Call(suite.emulator, "POST", "/payments/cancel", { imp_uid: impUid });
    expect(missing.body.code).not.toBe(0);
    expect(String(missing.body.message)).toContain("refund_account");
    const refunded = await v1Call<Payment>(suite.emulator, "POST", "/payments/cancel", {
      imp_uid: impUid,
      refund_holder: "홍길동",
      refund_bank: "088",
      refund_account: "110123456789",
    });
    expect(refunded.body.response).toMatchObject({ status: "cancelled", cancel_amount: 10_000 });
  });

  it("refuses unknown and failed payments and needs an id", async () => {
    const unknown = await v1Call(suite.emulator, "POST", "/payments/cancel", { imp_uid: "imp_999999999999" });
    expect(unknown.body.code).not.toBe(0);
    const { impUid } = await payV1(suite.emulator, {}, "decline");
    const failed = await v1Call(suite.emulator, "POST", "/payments/cancel", { imp_uid: impUid });
    expect(failed.body.code).not.toBe(0);
    const noId = await v1Call(suite.emulator, "POST", "/payments/cancel", {});
    expect(noId.status).toBe(400);
  });
});
