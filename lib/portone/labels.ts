// Korean names of the banks, card companies and easy-pay providers PortOne reports by code.
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

export function bankLabel(code: string | undefined): string {
  if (!code) return "은행";
  return BANKS[code] ?? code;
}

export function easyPayLabel(code: string | undefined): string {
  if (!code) return "간편결제";
  return EASY_PAY_PROVIDERS[code] ?? code;
}
