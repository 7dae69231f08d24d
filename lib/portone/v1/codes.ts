// V1 reports banks and card companies by the Korean financial standard codes (금융결제원); the app
// keeps PortOne V2's codes (lib/portone/labels), so V1's are translated at the edge, both ways.

const BANKS_BY_STANDARD_CODE: Record<string, string> = {
  "002": "KDB",
  "003": "IBK",
  "004": "KOOKMIN",
  "007": "SUHYUP",
  "011": "NONGHYUP",
  "012": "LOCAL_NONGHYUP",
  "020": "WOORI",
  "023": "STANDARD_CHARTERED",
  "027": "CITI",
  "031": "DAEGU",
  "032": "BUSAN",
  "034": "KWANGJU",
  "035": "JEJU",
  "037": "JEONBUK",
  "039": "KYONGNAM",
  "045": "KFCC",
  "048": "SHINHYUP",
  "071": "POST",
  "081": "HANA",
  "088": "SHINHAN",
  "089": "K_BANK",
  "090": "KAKAO",
  "092": "TOSS",
};

// Only the companies whose codes are certain; another code leaves the publisher unnamed ("카드").
const CARD_COMPANIES_BY_STANDARD_CODE: Record<string, string> = {
  "041": "WOORI_CARD",
  "361": "BC_CARD",
  "365": "SAMSUNG_CARD",
  "366": "SHINHAN_CARD",
  "367": "HYUNDAI_CARD",
  "368": "LOTTE_CARD",
  "371": "NH_CARD",
  "374": "HANA_CARD",
  "381": "KOOKMIN_CARD",
};

const STANDARD_CODES_BY_BANK = Object.fromEntries(
  Object.entries(BANKS_BY_STANDARD_CODE).map(([code, bank]) => [bank, code]),
);

export const bankOfStandardCode = (code: string | null | undefined) =>
  code ? BANKS_BY_STANDARD_CODE[code] : undefined;

export const cardCompanyOfStandardCode = (code: string | null | undefined) =>
  code ? CARD_COMPANIES_BY_STANDARD_CODE[code] : undefined;

/** The standard code V1's refund_bank takes for a bank the refund form offers (by its V2 code). */
export const standardCodeOfBank = (bank: string): string | undefined => STANDARD_CODES_BY_BANK[bank];

// V1's easy-pay pay_method values, by V2's EasyPayProvider code.
const EASY_PAY_PROVIDERS: Record<string, string> = {
  kakaopay: "KAKAOPAY",
  naverpay: "NAVERPAY",
  tosspay: "TOSSPAY",
  payco: "PAYCO",
  samsung: "SAMSUNGPAY",
  ssgpay: "SSGPAY",
  lpay: "LPAY",
  applepay: "APPLEPAY",
};

export const easyPayProviderOf = (payMethod: string): string | undefined => EASY_PAY_PROVIDERS[payMethod];
