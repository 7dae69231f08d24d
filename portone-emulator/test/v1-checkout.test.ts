import { describe, expect, it } from "vitest";
import { channelFor, startTestEmulator } from "./helpers.js";
import { answerV1Window, openV1Window, v1Params, v1Suite } from "./v1-helpers.js";

// What request_pay's callback and the m_redirect_url query carry, in the window's two modes.
const suite = v1Suite();

/** The callback object the relay page posts to the merchant page. */
async function relayedResult(response: Response): Promise<Record<string, unknown>> {
  const html = await response.text();
  const match = /postMessage\((\{.*?\}), "/s.exec(html);
  if (!match) throw new Error(`no result in ${html}`);
  return (JSON.parse(match[1]!) as { result: Record<string, unknown> }).result;
}

describe("V1 checkout window", () => {
  it("PC: an iframe window whose callback has success, ids and the payment (a `pg` request)", async () => {
    const params = v1Params();
    const opened = await openV1Window(suite.emulator, params);
    expect(opened.body.mode).toBe("IFRAME");
    const page = await fetch(`${suite.emulator.url}/v1/checkout/${opened.body.txId}`);
    expect(await page.text()).toContain("결제 승인");
    const result = await relayedResult(await answerV1Window(suite.emulator, opened.body.txId!, "approve"));
    expect(result).toMatchObject({
      success: true,
      imp_uid: opened.body.imp_uid,
      merchant_uid: params.merchant_uid,
      error_code: null,
      error_msg: null,
      paid_amount: 10_000,
      status: "paid",
      pay_method: "card",
      pg_provider: "html5_inicis",
    });
  });

  it("a declined window calls back with success false and the PG's message", async () => {
    const opened = await openV1Window(suite.emulator, v1Params());
    const result = await relayedResult(await answerV1Window(suite.emulator, opened.body.txId!, "decline"));
    expect(result).toMatchObject({ success: false, status: "failed", paid_amount: 0 });
    expect(String(result.error_msg)).toContain("거절");
  });

  it("phone: redirects to m_redirect_url with imp_uid, merchant_uid and imp_success", async () => {
    const params = v1Params({ m_redirect_url: "http://localhost:3000/v1/return?from=shop" });
    const opened = await openV1Window(suite.emulator, params, { isMobile: true });
    expect(opened.body.mode).toBe("REDIRECTION");
    const answer = await answerV1Window(suite.emulator, opened.body.txId!, "cancel");
    expect(answer.status).toBe(303);
    const target = new URL(answer.headers.get("location")!);
    expect(target.pathname).toBe("/v1/return");
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      from: "shop",
      imp_uid: opened.body.imp_uid,
      merchant_uid: params.merchant_uid,
      imp_success: "false",
    });
    expect(target.searchParams.get("error_msg")).toBeTruthy();
  });

  it("a channelKey request gets the newer PGs' minimal answer (no success flag)", async () => {
    const params = v1Params({
      pg: undefined,
      channelKey: channelFor("CARD").key,
      m_redirect_url: "http://localhost:3000/r",
    });
    const opened = await openV1Window(suite.emulator, params, { isMobile: true });
    const answer = await answerV1Window(suite.emulator, opened.body.txId!, "approve");
    const target = new URL(answer.headers.get("location")!);
    expect(Object.fromEntries(target.searchParams)).toEqual({
      imp_uid: opened.body.imp_uid,
      merchant_uid: params.merchant_uid,
    });
  });

  it("a PG listed in v1RedirectPgs leaves the page even on a PC; the full style is forced by config", async () => {
    const emulator = await startTestEmulator({ v1RedirectPgs: ["kcp"], v1ResultStyle: "full" });
    try {
      const params = v1Params({
        pg: undefined,
        channelKey: channelFor("CARD").key,
        m_redirect_url: "http://localhost:3000/r",
      });
      const viaChannel = await openV1Window(emulator, params);
      expect(viaChannel.body.mode).toBe("IFRAME");
      const kcp = await openV1Window(
        emulator,
        v1Params({ pg: "kcp.T0000", m_redirect_url: "http://localhost:3000/r" }),
      );
      expect(kcp.body.mode).toBe("REDIRECTION");
      const answer = await answerV1Window(emulator, kcp.body.txId!, "approve");
      expect(new URL(answer.headers.get("location")!).searchParams.get("imp_success")).toBe("true");
      const channelResult = await relayedResult(await answerV1Window(emulator, viaChannel.body.txId!, "approve"));
      expect(channelResult.success).toBe(true);
    } finally {
      await emulator.close();
    }
  });

  it("serves iamport.js with the emulator's origin", async () => {
    const response = await fetch(`${suite.emulator.url}/v1/iamport.js`);
    expect(response.headers.get("content-type")).toContain("javascript");
    const script = await response.text();
    expect(script).toContain(JSON.stringify(suite.emulator.url));
    expect(script).toContain("window.IMP");
  });
});
