import type { WindowLanguage } from "./window-language.js";

// Choices offered in the checkout window. Codes are PortOne's REST enum values. The Korean names
// are also what the API reports (card.name, V1's card_name, vbank_name); English windows show
// their English names only on screen.

export const CARD_COMPANIES = [
  ["SHINHAN_CARD", "신한카드"],
  ["KOOKMIN_CARD", "KB국민카드"],
  ["SAMSUNG_CARD", "삼성카드"],
  ["HYUNDAI_CARD", "현대카드"],
  ["LOTTE_CARD", "롯데카드"],
  ["BC_CARD", "BC카드"],
  ["HANA_CARD", "하나카드"],
  ["WOORI_CARD", "우리카드"],
  ["NH_CARD", "NH농협카드"],
] as const;

export const BANKS = [
  ["KOOKMIN", "KB국민은행"],
  ["SHINHAN", "신한은행"],
  ["WOORI", "우리은행"],
  ["HANA", "하나은행"],
  ["NONGHYUP", "NH농협은행"],
  ["IBK", "IBK기업은행"],
  ["KAKAO", "카카오뱅크"],
  ["TOSS", "토스뱅크"],
  ["K_BANK", "케이뱅크"],
] as const;

export const INSTALLMENT_MONTHS = [0, 2, 3, 4, 5, 6, 10, 12] as const;

export const EASY_PAY_LABELS: Record<string, string> = {
  KAKAOPAY: "카카오페이",
  NAVERPAY: "네이버페이",
  TOSSPAY: "토스페이",
};

export const PAY_METHOD_LABELS: Record<string, string> = {
  CARD: "신용·체크카드",
  EASY_PAY: "간편결제",
  TRANSFER: "실시간 계좌이체",
  MOBILE: "휴대폰 소액결제",
  VIRTUAL_ACCOUNT: "가상계좌",
  PAYPAL: "PayPal",
};

type CardCompanyCode = (typeof CARD_COMPANIES)[number][0];
type BankCode = (typeof BANKS)[number][0];

const CARD_COMPANY_NAMES_EN: Record<CardCompanyCode, string> = {
  SHINHAN_CARD: "Shinhan Card",
  KOOKMIN_CARD: "KB Kookmin Card",
  SAMSUNG_CARD: "Samsung Card",
  HYUNDAI_CARD: "Hyundai Card",
  LOTTE_CARD: "Lotte Card",
  BC_CARD: "BC Card",
  HANA_CARD: "Hana Card",
  WOORI_CARD: "Woori Card",
  NH_CARD: "NH NongHyup Card",
};

const BANK_NAMES_EN: Record<BankCode, string> = {
  KOOKMIN: "KB Kookmin Bank",
  SHINHAN: "Shinhan Bank",
  WOORI: "Woori Bank",
  HANA: "Hana Bank",
  NONGHYUP: "NH NongHyup Bank",
  IBK: "IBK Industrial Bank of Korea",
  KAKAO: "KakaoBank",
  TOSS: "Toss Bank",
  K_BANK: "K bank",
};

const EASY_PAY_LABELS_EN: Record<string, string> = {
  KAKAOPAY: "Kakao Pay",
  NAVERPAY: "Naver Pay",
  TOSSPAY: "Toss Pay",
};

const PAY_METHOD_LABELS_EN: Record<string, string> = {
  CARD: "Credit or debit card",
  EASY_PAY: "Easy pay",
  TRANSFER: "Bank transfer",
  MOBILE: "Mobile phone billing",
  VIRTUAL_ACCOUNT: "Virtual account",
  PAYPAL: "PayPal",
};

type Choices = readonly (readonly [string, string])[];

/** The catalog as a window in `language` names it. */
export function catalogIn(language: WindowLanguage): {
  cardCompanies: Choices;
  banks: Choices;
  easyPay: Record<string, string>;
  payMethods: Record<string, string>;
} {
  if (language === "ko")
    return { cardCompanies: CARD_COMPANIES, banks: BANKS, easyPay: EASY_PAY_LABELS, payMethods: PAY_METHOD_LABELS };
  return {
    cardCompanies: CARD_COMPANIES.map(([code]) => [code, CARD_COMPANY_NAMES_EN[code]] as const),
    banks: BANKS.map(([code]) => [code, BANK_NAMES_EN[code]] as const),
    easyPay: EASY_PAY_LABELS_EN,
    payMethods: PAY_METHOD_LABELS_EN,
  };
}

export const labelOf = (list: readonly (readonly [string, string])[], code: string) =>
  list.find(([candidate]) => candidate === code)?.[1] ?? code;

/** Declines and user cancels as a Toss test channel reports them. */
export const DECLINE = {
  pgCode: "REJECT_CARD_COMPANY",
  pgMessage: "카드사에서 승인을 거절했습니다. (에뮬레이터 테스트)",
};
/** PayPal's own issue name for a declined funding source (Orders API), as its PG code. */
export const PAYPAL_DECLINE = {
  pgCode: "INSTRUMENT_DECLINED",
  pgMessage: "The instrument presented was declined by the processor or bank. (에뮬레이터 테스트)",
};
export const USER_CANCEL = { pgCode: "PAY_PROCESS_CANCELED", pgMessage: "사용자가 결제를 취소하였습니다" };
