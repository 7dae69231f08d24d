import { knownCurrency } from "./domain/currencies.js";
import { checkV1Config, v1Defaults, type V1Config } from "./v1/v1-config.js";

// Configuration of the emulator. The defaults are fixed development values (never real
// credentials) so that `npm run dev` works with no setup and every machine sees the same ids.

// PAYPAL is the browser SDK's PaymentPayMethod for PayPal; its payments are made only through
// loadPaymentUI (PayPal's own button), never requestPayment, as PortOne V2 documents.
export type EmulatorPayMethod = "CARD" | "EASY_PAY" | "TRANSFER" | "MOBILE" | "VIRTUAL_ACCOUNT" | "PAYPAL";
export type EmulatorEasyPayProvider = "KAKAOPAY" | "NAVERPAY" | "TOSSPAY";

export interface EmulatorChannel {
  /** Channel key the browser sends (`channel-key-<uuid>`). */
  key: string;
  id: string;
  name: string;
  /** PortOne's PgProvider name, e.g. TOSSPAYMENTS, KAKAOPAY. */
  pgProvider: string;
  /** The one pay method this test channel accepts. */
  payMethod: EmulatorPayMethod;
  /** Only for EASY_PAY channels. */
  easyPayProvider?: EmulatorEasyPayProvider;
  /**
   * The one currency the PG settles in (ISO 4217, as PortOne's Currency). Default KRW. Amounts
   * are in its minor unit, as PortOne's: USD 1999 = $19.99, KRW and JPY in whole units.
   */
  currency?: string;
  /** The PG's smallest total amount. Default 100 for KRW, else 1. */
  minAmount?: number;
  /**
   * PortOne's channel mode. Default TEST; LIVE lets a test show that an app configured for real
   * PortOne refuses payments made on a TEST channel (the emulator never moves real money).
   */
  type?: "TEST" | "LIVE";
}

/** V2 settings below; the PortOne V1 (I'mport) ones are the `v1*` keys of V1Config. */
export interface EmulatorConfig extends V1Config {
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to listen on. */
  host: string;
  /**
   * Where browsers and servers reach the emulator (behind a tunnel or proxy, e.g.
   * https://portone.example.test): receipt links and the checkout script use it. Empty =
   * http://localhost:<port>.
   */
  publicUrl: string;
  storeId: string;
  merchantId: string;
  /** Shown in the checkout window. */
  storeName: string;
  apiSecret: string;
  /** Every active secret signs each webhook (one v1 signature each), as during rotation. */
  webhookSecrets: string[];
  /** Console webhook URL; used when a payment has no noticeUrls. Empty string = none. */
  webhookUrl: string;
  /** Factor applied to PortOne's retry waits (1, 4, 16, 64, 256 minutes). 1 = real time. */
  retryScale: number;
  /**
   * Factor on the wait until a payment schedule's `timeToPay`, counted from its creation: 1 = real
   * time, 0.001 = an hour's schedule fires after 3.6 s, 0 = at once. The control API can also run
   * schedules now.
   */
  scheduleScale: number;
  /** PortOne waits 30 s for a webhook response; tests shorten it. */
  webhookTimeoutMs: number;
  /**
   * A refund of a deposited virtual account is REQUESTED and succeeds this many ms later, as the
   * PG's one to two business days compressed (with `Transaction.CancelPending` first). 0 = at once.
   */
  virtualAccountRefundMs: number;
  channels: EmulatorChannel[];
  /** JSON file that keeps payments and billing keys across restarts; empty = memory only. */
  stateFile: string;
  /** Log each request line to stdout. */
  logRequests: boolean;
}

export const emulatorDefaults: EmulatorConfig = {
  port: 4010,
  host: "127.0.0.1",
  publicUrl: "",
  storeId: "store-6c1f2d3e-8a4b-4c5d-9e6f-0a1b2c3d4e5f",
  merchantId: "merchant-0b7e6d5c-4a3b-4c2d-8e1f-9a8b7c6d5e4f",
  storeName: "포인트 충전소 (테스트)",
  apiSecret: "emulatorDevApiSecret000000000000000000000000000000000000000000000000000000000000",
  webhookSecrets: [
    "whsec_ZW11bGF0b3ItZGV2LXdlYmhvb2stc2VjcmV0LW9uZSE=",
    "whsec_ZW11bGF0b3ItZGV2LXdlYmhvb2stc2VjcmV0LXR3byE=",
  ],
  webhookUrl: "http://localhost:3000/api/webhooks/portone",
  retryScale: 1,
  scheduleScale: 1,
  webhookTimeoutMs: 30_000,
  virtualAccountRefundMs: 3_000,
  channels: [
    {
      key: "channel-key-0e1a2b3c-0001-4a00-8000-000000000001",
      id: "channel-id-0e1a2b3c-0001-4a00-8000-000000000001",
      name: "토스페이먼츠 카드 (테스트)",
      pgProvider: "TOSSPAYMENTS",
      payMethod: "CARD",
    },
    {
      key: "channel-key-0e1a2b3c-0002-4a00-8000-000000000002",
      id: "channel-id-0e1a2b3c-0002-4a00-8000-000000000002",
      name: "카카오페이 (테스트)",
      pgProvider: "KAKAOPAY",
      payMethod: "EASY_PAY",
      easyPayProvider: "KAKAOPAY",
    },
    {
      key: "channel-key-0e1a2b3c-0003-4a00-8000-000000000003",
      id: "channel-id-0e1a2b3c-0003-4a00-8000-000000000003",
      name: "네이버페이 (테스트)",
      pgProvider: "NAVERPAY",
      payMethod: "EASY_PAY",
      easyPayProvider: "NAVERPAY",
    },
    {
      key: "channel-key-0e1a2b3c-0004-4a00-8000-000000000004",
      id: "channel-id-0e1a2b3c-0004-4a00-8000-000000000004",
      name: "토스페이 (테스트)",
      pgProvider: "TOSSPAY",
      payMethod: "EASY_PAY",
      easyPayProvider: "TOSSPAY",
    },
    {
      key: "channel-key-0e1a2b3c-0005-4a00-8000-000000000005",
      id: "channel-id-0e1a2b3c-0005-4a00-8000-000000000005",
      name: "토스페이먼츠 계좌이체 (테스트)",
      pgProvider: "TOSSPAYMENTS",
      payMethod: "TRANSFER",
    },
    {
      key: "channel-key-0e1a2b3c-0006-4a00-8000-000000000006",
      id: "channel-id-0e1a2b3c-0006-4a00-8000-000000000006",
      name: "다날 휴대폰 결제 (테스트)",
      pgProvider: "DANAL",
      payMethod: "MOBILE",
    },
    {
      key: "channel-key-0e1a2b3c-0007-4a00-8000-000000000007",
      id: "channel-id-0e1a2b3c-0007-4a00-8000-000000000007",
      name: "토스페이먼츠 가상계좌 (테스트)",
      pgProvider: "TOSSPAYMENTS",
      payMethod: "VIRTUAL_ACCOUNT",
    },
    // Global channels, after the domestic ones: code that takes the first CARD channel (the
    // app's KRW card, billing keys) keeps getting the domestic one. Eximbay is PortOne's PG for
    // foreign cards; PayPal is PortOne's PAYPAL_V2 (SPB). Minimums are the emulator's: $1.00.
    {
      key: "channel-key-0e1a2b3c-0008-4a00-8000-000000000008",
      id: "channel-id-0e1a2b3c-0008-4a00-8000-000000000008",
      name: "엑심베이 해외 카드 USD (테스트)",
      pgProvider: "EXIMBAY_V2",
      payMethod: "CARD",
      currency: "USD",
      minAmount: 100,
    },
    {
      key: "channel-key-0e1a2b3c-0009-4a00-8000-000000000009",
      id: "channel-id-0e1a2b3c-0009-4a00-8000-000000000009",
      name: "페이팔 USD (테스트)",
      pgProvider: "PAYPAL_V2",
      payMethod: "PAYPAL",
      currency: "USD",
      minAmount: 100,
    },
  ],
  stateFile: "",
  logRequests: false,
  ...v1Defaults,
};

export function resolveConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const config = { ...emulatorDefaults, ...defined } as EmulatorConfig;
  if (!(config.retryScale >= 0)) throw new Error("retryScale must be a number >= 0");
  if (!(config.scheduleScale >= 0)) throw new Error("scheduleScale must be a number >= 0");
  if (config.webhookSecrets.length === 0) throw new Error("at least one webhook secret is required");
  checkV1Config(config);
  for (const channel of config.channels) {
    if (channel.type !== undefined && channel.type !== "TEST" && channel.type !== "LIVE")
      throw new Error(`channel ${channel.key}: type must be TEST or LIVE, got "${String(channel.type)}"`);
    if (channel.currency !== undefined && !knownCurrency(channel.currency))
      throw new Error(`channel ${channel.key}: unknown currency "${channel.currency}"`);
  }
  if (config.publicUrl && !/^https?:\/\/[^/?#]+$/.test(config.publicUrl.replace(/\/$/, ""))) {
    throw new Error(
      `publicUrl must be an http(s) origin such as https://portone.example.test, got "${config.publicUrl}"`,
    );
  }
  config.publicUrl = config.publicUrl.replace(/\/$/, "");
  return config;
}
