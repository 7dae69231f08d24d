import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";

export const REFUND_MESSAGES = {
  not_found: "결제를 찾을 수 없습니다.",
  not_paid: "결제가 완료된 충전만 환불할 수 있습니다.",
  too_old: `결제 후 ${REFUND_WINDOW_DAYS}일이 지나 환불할 수 없습니다.`,
  nothing_unspent: "이 충전으로 받은 포인트가 모두 사용되었거나 환불되어 더 환불할 금액이 없습니다.",
  refund_in_progress: "환불을 처리하고 있습니다. 결제사에서 결과가 오면 이 화면에 반영됩니다.",
  refused_by_portone: "결제사에서 환불을 거절했습니다. 포인트는 그대로 돌려드렸습니다.",
  amount_changed:
    "그사이 포인트 사용이나 결제 취소로 환불 금액이 바뀌었습니다. 새 금액을 확인한 뒤 다시 신청해 주세요.",
  needs_refund_account: "가상계좌 결제의 환불에는 환불받을 계좌가 필요합니다.",
} as const;
