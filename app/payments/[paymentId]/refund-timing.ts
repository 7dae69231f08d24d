import { payOptionDefinition, payOptionLabel } from "@/lib/payments/catalog/pay-option-table";

/** Where a refund's money goes and when the buyer sees it, by how the charge was paid. */
export interface RefundDestination {
  /** "신용·체크카드 결제 취소", "입력하신 계좌로 입금" */
  method: string;
  /** When the money shows, as Korean PGs and banks usually manage it. */
  timing: string;
}

export function refundDestination(payOption: string): RefundDestination {
  const definition = payOptionDefinition(payOption);
  const label = payOptionLabel(payOption);
  switch (definition?.payMethod) {
    case "CARD":
      return {
        method: `${label} 결제 취소`,
        timing: "카드사 승인 취소는 보통 3~5영업일 안에 카드 이용 내역에 반영됩니다. 청구 전이면 청구되지 않습니다.",
      };
    case "EASY_PAY":
      return {
        method: `${label} 결제 취소`,
        timing: `${label} 결제 내역에서 바로 취소되며, ${label}에 연결된 카드나 계좌로는 해당 결제 수단의 일정(카드는 보통 3~5영업일)에 따라 돌아갑니다.`,
      };
    case "TRANSFER":
      return {
        method: "이체하신 계좌로 입금",
        timing: "결제에 쓰신 출금 계좌로 돌려드립니다. 보통 1~2영업일 안에 입금됩니다.",
      };
    case "VIRTUAL_ACCOUNT":
      return {
        method: "입력하신 계좌로 입금",
        timing: "입력하신 환불 계좌(예금주 이름 확인)로 보통 1~2영업일 안에 입금됩니다.",
      };
    case "MOBILE":
      return {
        method: "휴대폰 결제 취소",
        timing: "이번 달 휴대폰 요금에서 청구가 취소됩니다. 이미 납부하셨다면 통신사 정책에 따라 돌려받습니다.",
      };
    default:
      return { method: `${label} 결제 취소`, timing: "결제사 처리 일정에 따라 반영됩니다." };
  }
}
