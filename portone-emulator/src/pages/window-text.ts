import type { WindowLanguage } from "../checkout/window-language.js";

// The words of the checkout windows (V2's, PayPal's, V1's) and their result pages. Korean is the
// default and its wording is what tests click; English stands in for every other locale.

const ko = {
  badge: "테스트 결제창",
  emulator: "PortOne 에뮬레이터",
  v1Emulator: "PortOne V1 (아임포트) 에뮬레이터",
  title: "PortOne 테스트 결제창",
  orderName: "주문명",
  amount: "결제 금액",
  issueName: "발급 이름",
  defaultIssueName: "정기 결제",
  payMethod: "결제 수단",
  channel: "채널",
  orderNumber: "주문번호",
  outcomeForm: "결제 결과 선택",
  approve: "결제 승인",
  decline: "결제 실패(거절)",
  close: "창 닫기",
  issueVirtualAccount: "가상계좌 발급",
  issueBillingKey: "빌링키 발급",
  easyPayMethod: "결제 수단",
  easyPayCard: "카드",
  easyPayCharge: "충전 잔액",
  cardCompany: "카드사",
  installment: "할부",
  lumpSum: "일시불",
  months: (month: number) => `${month}개월`,
  bank: "은행",
  phoneNumber: "휴대폰 번호",
  payPalBuyer: "PayPal 샌드박스 구매자 계정(buyer@example.com)으로 로그인했습니다.",
  depositBank: "입금 은행",
  accountNumber: "계좌번호 (비우면 자동 생성)",
  holderName: "예금주",
  dueDate: "입금 기한",
  resultTitle: "PortOne 테스트 결제 결과",
  notCompleted: "결제가 완료되지 않았습니다",
  completed: "처리가 완료되었습니다",
  closingSoon: "잠시 후 창이 닫힙니다.",
};

export type WindowText = typeof ko;

const en: WindowText = {
  badge: "Test checkout",
  emulator: "PortOne emulator",
  v1Emulator: "PortOne V1 (I'mport) emulator",
  title: "PortOne test checkout",
  orderName: "Order",
  amount: "Amount",
  issueName: "Billing key name",
  defaultIssueName: "Recurring payment",
  payMethod: "Payment method",
  channel: "Channel",
  orderNumber: "Order number",
  outcomeForm: "Choose the outcome",
  approve: "Approve payment",
  decline: "Decline payment",
  close: "Close window",
  issueVirtualAccount: "Issue virtual account",
  issueBillingKey: "Issue billing key",
  easyPayMethod: "Pay with",
  easyPayCard: "Card",
  easyPayCharge: "Wallet balance",
  cardCompany: "Card issuer",
  installment: "Installments",
  lumpSum: "Lump sum",
  months: (month: number) => `${month} months`,
  bank: "Bank",
  phoneNumber: "Mobile number",
  payPalBuyer: "Logged in to the PayPal sandbox buyer account (buyer@example.com).",
  depositBank: "Bank to deposit at",
  accountNumber: "Account number (generated if left empty)",
  holderName: "Account holder",
  dueDate: "Deposit by",
  resultTitle: "PortOne test payment result",
  notCompleted: "The payment was not completed",
  completed: "Done",
  closingSoon: "This window closes in a moment.",
};

export const WINDOW_TEXT: Record<WindowLanguage, WindowText> = { ko, en };

// The PG's failure messages stay in Korean in the results the merchant's code reads (a Korean PG
// words them so); an English result page explains the common ones in English instead.
const FAILURES_EN: Record<string, string> = {
  REJECT_CARD_COMPANY: "The card company declined the payment. (emulator test)",
  INSTRUMENT_DECLINED: "PayPal declined the payment. (emulator test)",
  PAY_PROCESS_CANCELED: "You cancelled the payment.",
};

/** What the result page says about a failure: the PG's message, or its English explanation. */
export function failureText(language: WindowLanguage, pgCode: unknown, message: string): string {
  if (language === "ko" || typeof pgCode !== "string") return message;
  return FAILURES_EN[pgCode] ?? message;
}
