import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorDefaults } from "../src/config.js";
import type { RunningEmulator } from "../src/server.js";
import {
  answerCheckout,
  channelFor,
  openCheckout,
  openPaymentUI,
  paymentClient,
  paymentRequest,
  payPalRequest,
  startTestEmulator,
} from "./helpers.js";
import { answerV1Window, openV1Window, v1Params } from "./v1-helpers.js";

// The windows' language follows the request's `locale` (V1: `language`): Korean by default,
// English for EN_US and, as a stand-in, for every other locale PortOne knows.

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ webhookUrl: "" });
});

afterAll(async () => {
  await emulator.close();
});

const windowHtml = async (txId: string, path = "/checkout") => (await fetch(`${emulator.url}${path}/${txId}`)).text();

async function openedWindow(overrides: Record<string, unknown>) {
  const { status, body } = await openCheckout(emulator, paymentRequest(overrides));
  expect(status).toBe(200);
  return { ...body, html: await windowHtml(body.txId) };
}

const KOREAN_WORDS = ["결제 승인", "결제 실패(거절)", "창 닫기", "카드사", "할부"];

describe("a card window's language", () => {
  it("is Korean without a locale and with KO_KR, worded as before", async () => {
    for (const overrides of [{}, { locale: "KO_KR" }]) {
      const { html } = await openedWindow(overrides);
      expect(html).toContain('<html lang="ko">');
      for (const word of [...KOREAN_WORDS, "₩10,000", "현대카드", "일시불", "<title>PortOne 테스트 결제창 - "])
        expect(html).toContain(word);
    }
  });

  it("is English for EN_US: buttons, labels, card companies, amount, and says so to the overlay", async () => {
    const { html, ...opened } = await openedWindow({ locale: "EN_US" });
    expect(opened).toMatchObject({ language: "en" });
    expect(html).toContain('<html lang="en">');
    for (const word of [
      ">Approve payment</button>",
      ">Decline payment</button>",
      ">Close window</button>",
      '<label for="cardCompany">Card issuer</label>',
      '<label for="installment">Installments</label>',
      "Hyundai Card",
      "Lump sum",
      "3 months",
      "Credit or debit card",
      '<dd class="amount">₩10,000</dd>',
      "<title>PortOne test checkout - ",
    ])
      expect(html).toContain(word);
    for (const word of KOREAN_WORDS) expect(html).not.toContain(word);
  });

  it("writes a USD amount the window's way: $19.99 in English, US$19.99 in Korean", async () => {
    const globalCard = emulatorDefaults.channels.find((channel) => channel.pgProvider === "EXIMBAY_V2")!;
    const usd = { channelKey: globalCard.key, currency: "USD", totalAmount: 1999 };
    expect((await openedWindow({ ...usd, locale: "EN_US" })).html).toContain('<dd class="amount">$19.99</dd>');
    expect((await openedWindow(usd)).html).toContain('<dd class="amount">US$19.99</dd>');
  });

  it("is English, as a stand-in, for the other locales PortOne knows (JA_JP, LOCALE_ZH_CN)", async () => {
    for (const locale of ["JA_JP", "LOCALE_ZH_CN", "FR_FR"])
      expect((await openedWindow({ locale })).html).toContain(">Approve payment</button>");
  });

  it("settles the same in English; the result keeps the PG's Korean message, the result page explains it", async () => {
    const opened = await openedWindow({ locale: "EN_US" });
    const answer = await answerCheckout(emulator, opened.txId, "cancel");
    const page = await answer.text();
    expect(page).toContain("The payment was not completed");
    expect(page).toContain("You cancelled the payment.");
    const payment = await paymentClient(emulator).getPayment({ paymentId: opened.paymentId });
    expect(payment).toMatchObject({ status: "FAILED", failure: { pgCode: "PAY_PROCESS_CANCELED" } });
    expect(JSON.stringify(payment)).toContain("사용자가 결제를 취소하였습니다");
  });

  it("is English for a virtual account and a transfer", async () => {
    const account = await openedWindow({ payMethod: "VIRTUAL_ACCOUNT", locale: "EN_US" });
    for (const word of [">Issue virtual account</button>", "Bank to deposit at", "Account holder", "Deposit by"])
      expect(account.html).toContain(word);
    const transfer = await openedWindow({ payMethod: "TRANSFER", locale: "EN_US" });
    for (const word of ["Bank transfer", "KB Kookmin Bank"]) expect(transfer.html).toContain(word);
  });
});

describe("an invalid locale", () => {
  it.each(["en", "EN", "en-US", "XX_YY", "", 42])(
    "refuses requestPayment with %j before any window",
    async (locale) => {
      const request = paymentRequest({ locale });
      const { status, body } = await openCheckout(emulator, request);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: "BadRequest" });
      expect(body.message).toContain("locale");
      const lookup = await paymentClient(emulator)
        .getPayment({ paymentId: request.paymentId })
        .catch((error: unknown) => error);
      expect(lookup).toBeInstanceOf(Error);
    },
  );

  it("refuses loadPaymentUI (loading and the click) and requestIssueBillingKey", async () => {
    for (const path of ["/check", ""] as const) {
      const { status, body } = await openPaymentUI(emulator, payPalRequest({ locale: "english" }), path);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: "BadRequest" });
    }
    const { status, body } = await openBillingKeyWindow({ locale: "english" });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "BadRequest", message: expect.stringContaining("locale") });
  });
});

async function openBillingKeyWindow(overrides: Record<string, unknown>) {
  const response = await fetch(`${emulator.url}/checkout-api/billing-keys`, {
    method: "POST",
    body: JSON.stringify({
      request: {
        storeId: emulator.config.storeId,
        channelKey: channelFor("CARD").key,
        billingKeyMethod: "CARD",
        ...overrides,
      },
      mode: "IFRAME",
      parentOrigin: "http://localhost:3000",
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { txId: string; language?: string; code?: string; message?: string },
  };
}

describe("the billing-key and PayPal windows", () => {
  it("issue a billing key in English for EN_US, in Korean by default", async () => {
    const english = await openBillingKeyWindow({ locale: "EN_US" });
    expect(english.body.language).toBe("en");
    const html = await windowHtml(english.body.txId);
    for (const word of [">Issue billing key</button>", ">Decline payment</button>", ">Close window</button>"])
      expect(html).toContain(word);
    expect(html).toContain("Recurring payment");
    const korean = await windowHtml((await openBillingKeyWindow({})).body.txId);
    expect(korean).toContain(">빌링키 발급</button>");
  });

  it("open PayPal's window in English: its buttons, $19.99, and a decline explained in English", async () => {
    expect((await openPaymentUI(emulator, payPalRequest({ locale: "EN_US" }), "/check")).body).toMatchObject({
      language: "en",
    });
    const opened = await openPaymentUI(emulator, payPalRequest({ locale: "EN_US" }));
    const html = await windowHtml(opened.body.txId ?? "");
    for (const word of [
      ">Approve payment</button>",
      ">Decline payment</button>",
      ">Close window</button>",
      '<dd class="amount">$19.99</dd>',
      "PayPal sandbox buyer account",
    ])
      expect(html).toContain(word);
    const page = await (await answerCheckout(emulator, opened.body.txId ?? "", "decline")).text();
    expect(page).toContain("PayPal declined the payment.");
  });
});

describe("V1's request_pay language", () => {
  it('opens an English window for "en" and a Korean one by default', async () => {
    const opened = await openV1Window(emulator, v1Params({ language: "en" }));
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ language: "en" });
    const html = await windowHtml(opened.body.txId ?? "", "/v1/checkout");
    for (const word of [
      '<html lang="en">',
      ">Approve payment</button>",
      ">Decline payment</button>",
      ">Close window</button>",
      '<dd class="amount">₩10,000</dd>',
      "Order number",
    ])
      expect(html).toContain(word);
    const page = await (await answerV1Window(emulator, opened.body.txId ?? "", "decline")).text();
    expect(page).toContain("The card company declined the payment.");

    const korean = await openV1Window(emulator, v1Params({ language: "ko" }));
    expect(await windowHtml(korean.body.txId ?? "", "/v1/checkout")).toContain(">결제 승인</button>");
  });

  it("refuses a language V1 does not know, before a window, with the callback's failure", async () => {
    const opened = await openV1Window(emulator, v1Params({ language: "EN_US" }));
    expect(opened.status).toBe(400);
    expect(opened.body.result).toMatchObject({ success: false, error_code: "F0007" });
  });
});
