import type { PaymentMethodDetails } from "@/db/schema";

// Korean names of the banks, card companies and easy-pay providers PortOne reports by code
// (its Bank, card company and EasyPayProvider codes). Screens name them here; the database keeps codes.
const BANKS: Record<string, string> = {
  KOOKMIN: "KB국민은행",
  SHINHAN: "신한은행",
  WOORI: "우리은행",
  HANA: "하나은행",
  NONGHYUP: "NH농협은행",
  LOCAL_NONGHYUP: "지역농축협",
  IBK: "IBK기업은행",
  KAKAO: "카카오뱅크",
  TOSS: "토스뱅크",
  K_BANK: "케이뱅크",
  STANDARD_CHARTERED: "SC제일은행",
  CITI: "한국씨티은행",
  BUSAN: "부산은행",
  DAEGU: "iM뱅크",
  KYONGNAM: "경남은행",
  KWANGJU: "광주은행",
  JEONBUK: "전북은행",
  JEJU: "제주은행",
  POST: "우체국",
  KFCC: "새마을금고",
  SHINHYUP: "신협",
  SUHYUP: "수협은행",
  KDB: "KDB산업은행",
};

const CARD_COMPANIES: Record<string, string> = {
  SHINHAN_CARD: "신한카드",
  KOOKMIN_CARD: "KB국민카드",
  SAMSUNG_CARD: "삼성카드",
  HYUNDAI_CARD: "현대카드",
  LOTTE_CARD: "롯데카드",
  BC_CARD: "BC카드",
  HANA_CARD: "하나카드",
  WOORI_CARD: "우리카드",
  NH_CARD: "NH농협카드",
  CITI_CARD: "씨티카드",
  SUHYUP_CARD: "수협카드",
  JEONBUK_CARD: "전북카드",
  GWANGJU_CARD: "광주카드",
  JEJU_CARD: "제주카드",
  KAKAO_BANK: "카카오뱅크",
  K_BANK: "케이뱅크",
  TOSS_BANK: "토스뱅크",
};

const EASY_PAY_PROVIDERS: Record<string, string> = {
  KAKAOPAY: "카카오페이",
  NAVERPAY: "네이버페이",
  TOSSPAY: "토스페이",
  PAYCO: "페이코",
  SAMSUNGPAY: "삼성페이",
};

/** The banks a refund can be paid into, for the refund-account form. */
export const BANK_OPTIONS = Object.entries(BANKS).map(([code, label]) => ({ code, label }));
export const BANK_CODES = Object.keys(BANKS);

// A code this table does not know yet is shown as PortOne sent it rather than hidden.
const labelOf = (table: Record<string, string>, code: string | undefined, none: string) =>
  code ? (table[code] ?? code) : none;

export const bankLabel = (code: string | undefined) => labelOf(BANKS, code, "은행");

/** How a payment was made, in the words the screens show: "신한카드 · 일시불", "계좌이체 · KB국민은행". */
export function formatPaymentMethod(details: PaymentMethodDetails): string {
  switch (details.type) {
    case "CARD": {
      const months = details.installmentMonths > 1 ? `${details.installmentMonths}개월 할부` : "일시불";
      return `${labelOf(CARD_COMPANIES, details.publisher ?? details.issuer, "카드")} · ${months}`;
    }
    case "EASY_PAY":
      return labelOf(EASY_PAY_PROVIDERS, details.provider, "간편결제");
    case "TRANSFER":
      return `계좌이체 · ${bankLabel(details.bank)}`;
    case "VIRTUAL_ACCOUNT":
      return `가상계좌 · ${bankLabel(details.bank)}`;
    case "MOBILE":
      return "휴대폰 결제";
    case "OTHER":
      return "기타 결제";
    case "LEGACY_SUMMARY":
      return details.summary;
  }
}
