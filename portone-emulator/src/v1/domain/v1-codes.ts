import type { EmulatorPayMethod } from "../../config.js";

// Korean financial standard codes (금융결제원) for the window's card companies and banks, which
// V1 answers as card_code / bank_code / vbank_code, keyed by the window's (V2) choice codes.

export const V1_CARD_CODES: Record<string, string> = {
  SHINHAN_CARD: "366",
  KOOKMIN_CARD: "381",
  SAMSUNG_CARD: "365",
  HYUNDAI_CARD: "367",
  LOTTE_CARD: "368",
  BC_CARD: "361",
  HANA_CARD: "374",
  WOORI_CARD: "041",
  NH_CARD: "371",
};

export const V1_BANK_CODES: Record<string, string> = {
  KOOKMIN: "004",
  SHINHAN: "088",
  WOORI: "020",
  HANA: "081",
  NONGHYUP: "011",
  IBK: "003",
  KAKAO: "090",
  TOSS: "092",
  K_BANK: "089",
};

/** V1 pay_method values the window knows; easy-pay brands are shown as easy pay. */
export const V1_PAY_METHODS = [
  "card",
  "trans",
  "vbank",
  "phone",
  "kakaopay",
  "naverpay",
  "tosspay",
  "payco",
  "samsung",
  "ssgpay",
  "lpay",
  "applepay",
  "point",
] as const;

export function windowPayMethod(payMethod: string): EmulatorPayMethod {
  switch (payMethod) {
    case "card":
      return "CARD";
    case "trans":
      return "TRANSFER";
    case "vbank":
      return "VIRTUAL_ACCOUNT";
    case "phone":
      return "MOBILE";
    default:
      return "EASY_PAY";
  }
}

/** V2 channel PG names as V1's pg_provider codes (a channelKey request names a V2-style channel). */
export function v1PgProviderOf(v2PgProvider: string): string {
  const known: Record<string, string> = {
    TOSSPAYMENTS: "tosspayments",
    INICIS_V2: "html5_inicis",
    INICIS: "html5_inicis",
    KCP_V2: "kcp",
    KCP: "kcp",
    NICE_V2: "nice_v2",
    KAKAOPAY: "kakaopay",
    NAVERPAY: "naverpay",
    TOSSPAY: "tosspay",
    DANAL: "danal_tpay",
    KSNET: "ksnet",
  };
  return known[v2PgProvider] ?? v2PgProvider.toLowerCase();
}
