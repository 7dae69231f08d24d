import type { PaymentStatus } from "@/lib/payments/sync/transitions";

/** How each payment status is shown: the short badge of lists and the headline of its own page. */
export const PAYMENT_STATUS_TEXT: Record<
  PaymentStatus,
  { badge: string; badgeClass: string; headline: string; headlineClass: string }
> = {
  PENDING: {
    badge: "결제 대기",
    badgeClass: "bg-slate-100 text-slate-700",
    headline: "결제를 확인하고 있습니다",
    headlineClass: "text-slate-900",
  },
  VIRTUAL_ACCOUNT_ISSUED: {
    badge: "입금 대기",
    badgeClass: "bg-amber-100 text-amber-900",
    headline: "가상계좌가 발급되었습니다",
    headlineClass: "text-amber-900",
  },
  PAID: {
    badge: "충전 완료",
    badgeClass: "bg-emerald-100 text-emerald-800",
    headline: "충전이 완료되었습니다",
    headlineClass: "text-emerald-700",
  },
  PARTIALLY_REFUNDED: {
    badge: "부분 환불",
    badgeClass: "bg-sky-100 text-sky-800",
    headline: "일부 환불된 결제입니다",
    headlineClass: "text-sky-800",
  },
  REFUNDED: {
    badge: "환불 완료",
    badgeClass: "bg-sky-100 text-sky-800",
    headline: "환불된 결제입니다",
    headlineClass: "text-sky-800",
  },
  FAILED: {
    badge: "결제 실패",
    badgeClass: "bg-red-100 text-red-800",
    headline: "결제가 완료되지 않았습니다",
    headlineClass: "text-red-700",
  },
  EXPIRED: {
    badge: "종료",
    badgeClass: "bg-slate-200 text-slate-700",
    headline: "종료된 결제입니다",
    headlineClass: "text-slate-700",
  },
  REJECTED: {
    badge: "검증 실패(취소됨)",
    badgeClass: "bg-red-100 text-red-800",
    headline: "결제 검증에 실패하여 취소되었습니다",
    headlineClass: "text-red-700",
  },
};
