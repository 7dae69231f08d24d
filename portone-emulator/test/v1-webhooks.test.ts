import { describe, expect, it } from "vitest";
import { sleep, waitFor } from "./helpers.js";
import { payV1, startV1NoticeReceiver, v1Call, v1Suite } from "./v1-helpers.js";
import { startTestEmulator } from "./helpers.js";

interface Payment {
  status: string;
  vbank_num: string | null;
  vbank_name: string | null;
  vbank_code: string | null;
  vbank_holder: string | null;
  vbank_date: number;
  vbank_issued_at: number;
  paid_at: number;
}

const suite = v1Suite();

describe("V1 notices (webhooks)", () => {
  it("virtual account: issued is `ready` with a notice; the console deposit makes it paid with another", async () => {
    const { impUid, params } = await payV1(suite.emulator, { pay_method: "vbank", pg: "kcp.T0000" }, "issue", {
      bank: "SHINHAN",
      holderName: "포인트충전소",
      dueDate: "2031-05-31",
    });
    const issued = await v1Call<Payment>(suite.emulator, "GET", `/payments/${impUid}`);
    expect(issued.body.response).toMatchObject({
      status: "ready",
      vbank_name: "신한은행",
      vbank_code: "088",
      vbank_holder: "포인트충전소",
      paid_at: 0,
    });
    expect(issued.body.response!.vbank_num).toMatch(/^\d{10,}$/);
    expect(issued.body.response!.vbank_date).toBe(Math.floor(Date.parse("2031-05-31T23:59:59+09:00") / 1000));
    expect(issued.body.response!.vbank_issued_at).toBeGreaterThan(0);
    const readyNotice = await waitFor(() => suite.receiver.forPayment(impUid)[0]);
    expect(readyNotice.contentType).toContain("application/json");
    expect(readyNotice.fields).toEqual({ imp_uid: impUid, merchant_uid: params.merchant_uid, status: "ready" });

    const deposit = await fetch(`${suite.emulator.url}/__emulator/v1/payments/${impUid}/deposit`, { method: "POST" });
    expect(deposit.status).toBe(200);
    const paidNotice = await waitFor(() => suite.receiver.forPayment(impUid)[1]);
    expect(paidNotice.fields).toEqual({ imp_uid: impUid, merchant_uid: params.merchant_uid, status: "paid" });
    const paid = await v1Call<Payment>(suite.emulator, "GET", `/payments/${impUid}`);
    expect(paid.body.response?.status).toBe("paid");
    expect(paid.body.response!.paid_at).toBeGreaterThan(0);
    const twice = await fetch(`${suite.emulator.url}/__emulator/v1/payments/${impUid}/deposit`, { method: "POST" });
    expect(twice.status).toBe(409);
  });

  it("a paid card sends `paid`; a failed window sends nothing; notice_url replaces the console URL", async () => {
    const paid = await payV1(suite.emulator);
    await waitFor(() => suite.receiver.forPayment(paid.impUid)[0]);
    const failed = await payV1(suite.emulator, {}, "decline");
    const other = await startV1NoticeReceiver();
    try {
      const routed = await payV1(suite.emulator, { notice_url: other.url });
      await waitFor(() => other.forPayment(routed.impUid)[0]);
      await sleep(200);
      expect(suite.receiver.forPayment(routed.impUid)).toEqual([]);
      expect(suite.receiver.forPayment(failed.impUid)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("the V1 console's test deposit and cancel both notify", async () => {
    const { impUid } = await payV1(suite.emulator, { pay_method: "vbank" }, "issue");
    const consolePage = await (await fetch(`${suite.emulator.url}/v1/console`)).text();
    expect(consolePage).toContain(impUid);
    expect(consolePage).toContain("테스트 입금 통지");
    const post = (action: string) =>
      fetch(`${suite.emulator.url}/v1/console/payments/${impUid}/${action}`, { method: "POST", redirect: "manual" });
    const deposited = await post("deposit");
    expect(deposited.status).toBe(303);
    expect(decodeURIComponent(deposited.headers.get("location") ?? "")).toContain("테스트 입금을 통지했습니다");
    const cancelled = await post("cancel");
    expect(cancelled.status).toBe(303);
    await waitFor(() => suite.receiver.forPayment(impUid).length === 3);
    expect(suite.receiver.forPayment(impUid).map((notice) => notice.fields.status)).toEqual([
      "ready",
      "paid",
      "cancelled",
    ]);
    const again = await post("deposit");
    expect(decodeURIComponent(again.headers.get("location") ?? "")).toContain("실패");
  });

  it("form bodies when so configured, and retries a failed notice the configured number of times", async () => {
    let answers = 0;
    const receiver = await startV1NoticeReceiver(() => (answers++ < 2 ? 500 : 200));
    const emulator = await startTestEmulator({
      v1WebhookUrl: receiver.url,
      v1WebhookContentType: "form",
      v1WebhookRetries: 3,
      retryScale: 0.001,
    });
    try {
      const { impUid } = await payV1(emulator);
      await waitFor(() => receiver.forPayment(impUid).length === 3);
      const [first] = receiver.forPayment(impUid);
      expect(first!.contentType).toContain("application/x-www-form-urlencoded");
      expect(first!.fields).toMatchObject({ imp_uid: impUid, status: "paid" });
      const log = (await (await fetch(`${emulator.url}/__emulator/v1/payments/${impUid}`)).json()) as {
        webhooks: { attempts: { outcome: string }[] }[];
      };
      expect(log.webhooks[0]!.attempts.map((attempt) => attempt.outcome)).toEqual(["500", "500", "200"]);
    } finally {
      await emulator.close();
      await receiver.close();
    }
  });
});
