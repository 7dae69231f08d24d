// Shared with the browser (labels only; channel keys stay on the server).
export const PAY_OPTION_IDS = ["card", "kakaopay", "naverpay", "tosspay", "transfer", "mobile", "virtual_account"] as const;
export type PayOptionId = (typeof PAY_OPTION_IDS)[number];

export const PAY_OPTION_LABELS: Record<PayOptionId, string> = {
  card: "신용·체크카드",
  kakaopay: "카카오페이",
  naverpay: "네이버페이",
  tosspay: "토스페이",
  transfer: "계좌이체",
  mobile: "휴대폰 결제",
  virtual_account: "가상계좌",
};
