import { describe, expect, it } from "vitest";
import { answerV1Window, openV1Window, payV1, uniqueMerchantUid, v1Call, v1Params, v1Suite } from "./v1-helpers.js";

interface Payment {
  imp_uid: string;
  merchant_uid: string;
  status: string;
  amount: number;
  pay_method: string;
  pg_provider: string;
  custom_data: string | null;
  paid_at: number;
  failed_at: number;
  started_at: number;
  receipt_url: string | null;
  card_name: string | null;
  apply_num: string | null;
  buyer_name: string | null;
}
interface Page {
  total: number;
  previous: number;
  next: number;
  list: Payment[];
}

const suite = v1Suite();

describe("V1 payments API", () => {
  it("GET /payments/{imp_uid}: a card payment paid through the window", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { impUid, params } = await payV1(suite.emulator, {}, "approve", { cardCompany: "SHINHAN_CARD" });
    expect(impUid).toMatch(/^imp_\d{12}$/);
    const { status, body } = await v1Call<Payment>(suite.emulator, "GET", `/payments/${impUid}`);
    expect(status).toBe(200);
    expect(body.code).toBe(0);
    expect(body.response).toMatchObject({
      imp_uid: impUid,
      merchant_uid: params.merchant_uid,
      status: "paid",
      amount: 10_000,
      pay_method: "card",
      pg_provider: "html5_inicis",
      card_name: "신한카드",
      buyer_name: "홍길동",
      custom_data: JSON.stringify({ packageId: "p10000" }),
      failed_at: 0,
    });
    expect(body.response!.paid_at).toBeGreaterThanOrEqual(before);
    expect(body.response!.apply_num).toMatch(/^\d{8}$/);
    const receipt = await fetch(body.response!.receipt_url!);
    expect(receipt.status).toBe(200);
  });

  it("GET /payments/{imp_uid} of an unknown id answers 404 in the envelope", async () => {
    const { status, body } = await v1Call(suite.emulator, "GET", "/payments/imp_999999999999");
    expect(status).toBe(404);
    expect(body.code).not.toBe(0);
    expect(body.response).toBeNull();
  });

  it("GET /payments/find/{merchant_uid}: the latest attempt, or the latest in a status", async () => {
    const merchantUid = uniqueMerchantUid("retry");
    const failed = await payV1(suite.emulator, { merchant_uid: merchantUid }, "decline");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const paid = await payV1(suite.emulator, { merchant_uid: merchantUid });
    const latest = await v1Call<Payment>(suite.emulator, "GET", `/payments/find/${merchantUid}`);
    expect(latest.body.response?.imp_uid).toBe(paid.impUid);
    const lastFailed = await v1Call<Payment>(suite.emulator, "GET", `/payments/find/${merchantUid}/failed`);
    expect(lastFailed.body.response).toMatchObject({ imp_uid: failed.impUid, status: "failed" });
    const oldest = await v1Call<Payment>(suite.emulator, "GET", `/payments/find/${merchantUid}?sorting=started`);
    expect(oldest.body.response?.imp_uid).toBe(failed.impUid);
    const missing = await v1Call(suite.emulator, "GET", `/payments/find/${uniqueMerchantUid("none")}`);
    expect(missing.status).toBe(404);
    const all = await v1Call<Page>(suite.emulator, "GET", `/payments/findAll/${merchantUid}`);
    expect(all.body.response?.total).toBe(2);
  });

  it("POST /payments/prepare locks the amount: a different amount stops the window", async () => {
    const merchantUid = uniqueMerchantUid("prepared");
    const prepared = await v1Call(suite.emulator, "POST", "/payments/prepare", {
      merchant_uid: merchantUid,
      amount: 5_000,
    });
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ code: 0, response: { merchant_uid: merchantUid, amount: 5_000 } });
    const read = await v1Call(suite.emulator, "GET", `/payments/prepare/${merchantUid}`);
    expect(read.body.response).toMatchObject({ merchant_uid: merchantUid, amount: 5_000 });
    const again = await v1Call(suite.emulator, "POST", "/payments/prepare", {
      merchant_uid: merchantUid,
      amount: 5_000,
    });
    expect(again.body.code).not.toBe(0);

    const tampered = await openV1Window(suite.emulator, v1Params({ merchant_uid: merchantUid, amount: 100 }));
    expect(tampered.status).toBe(400);
    expect(tampered.body.result).toMatchObject({ success: false, merchant_uid: merchantUid, imp_uid: null });
    expect(String(tampered.body.result?.error_msg)).toContain("일치하지 않습니다");
    const none = await v1Call(suite.emulator, "GET", `/payments/find/${merchantUid}`);
    expect(none.status).toBe(404);

    const honest = await openV1Window(suite.emulator, v1Params({ merchant_uid: merchantUid, amount: 5_000 }));
    expect(honest.status).toBe(200);
    await answerV1Window(suite.emulator, honest.body.txId!, "approve");
    const paid = await v1Call<Payment>(suite.emulator, "GET", `/payments/find/${merchantUid}`);
    expect(paid.body.response).toMatchObject({ status: "paid", amount: 5_000 });

    const updated = await v1Call(suite.emulator, "PUT", "/payments/prepare", {
      merchant_uid: merchantUid,
      amount: 7_000,
    });
    expect(updated.body.response).toMatchObject({ amount: 7_000 });
    const unknown = await v1Call(suite.emulator, "GET", `/payments/prepare/${uniqueMerchantUid("none")}`);
    expect(unknown.status).toBe(404);
  });

  it("refuses a window for a merchant_uid that is already paid, and a wrong merchant code", async () => {
    const { params } = await payV1(suite.emulator);
    const again = await openV1Window(suite.emulator, params);
    expect(again.status).toBe(400);
    expect(again.body.result?.success).toBe(false);
    const wrongCode = await openV1Window(suite.emulator, v1Params(), { impCode: "imp00000000" });
    expect(wrongCode.status).toBe(400);
  });

  it("GET /payments/status/{status}: filters, pages, sorts and keeps to from/to", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.push((await payV1(suite.emulator)).impUid);
    const failed = (await payV1(suite.emulator, {}, "decline")).impUid;

    const paid = await v1Call<Page>(suite.emulator, "GET", "/payments/status/paid?limit=2");
    expect(paid.status).toBe(200);
    const firstPage = paid.body.response!;
    expect(firstPage.list).toHaveLength(2);
    expect(firstPage.list.every((payment) => payment.status === "paid")).toBe(true);
    expect(firstPage.previous).toBe(0);
    expect(firstPage.next).toBe(2);
    // Newest first by default.
    expect(firstPage.list[0]!.started_at).toBeGreaterThanOrEqual(firstPage.list[1]!.started_at);
    const lastPageNumber = Math.ceil(firstPage.total / 2);
    const last = await v1Call<Page>(suite.emulator, "GET", `/payments/status/paid?limit=2&page=${lastPageNumber}`);
    expect(last.body.response).toMatchObject({ previous: lastPageNumber - 1, next: 0 });
    const beyond = await v1Call(suite.emulator, "GET", `/payments/status/paid?limit=2&page=${lastPageNumber + 1}`);
    expect(beyond.status).toBe(400);

    const all = await v1Call<Page>(suite.emulator, "GET", "/payments/status/all?limit=1000&sorting=started");
    const allIds = all.body.response!.list.map((payment) => payment.imp_uid);
    expect(allIds).toEqual(expect.arrayContaining([...ids, failed]));
    expect(allIds.indexOf(ids[0]!)).toBeLessThan(allIds.indexOf(ids[2]!));
    const failedList = await v1Call<Page>(suite.emulator, "GET", "/payments/status/failed?limit=1000");
    expect(failedList.body.response!.list.map((payment) => payment.imp_uid)).toContain(failed);
    expect(failedList.body.response!.list.some((payment) => payment.status !== "failed")).toBe(false);

    const past = Math.floor(Date.now() / 1000) - 10 * 24 * 3600;
    const old = await v1Call<Page>(suite.emulator, "GET", `/payments/status/all?from=${past - 3600}&to=${past}`);
    expect(old.body.response).toMatchObject({ total: 0, list: [] });
    const tooLong = await v1Call(suite.emulator, "GET", `/payments/status/all?from=0&to=${past}`);
    expect(tooLong.status).toBe(400);
    const badStatus = await v1Call(suite.emulator, "GET", "/payments/status/done");
    expect(badStatus.status).toBe(400);
    const badLimit = await v1Call(suite.emulator, "GET", "/payments/status/all?limit=1001");
    expect(badLimit.status).toBe(400);
  });
});
