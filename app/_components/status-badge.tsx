import type { PaymentStatus } from "@/lib/payments/sync/transitions";

const STATUS: Record<PaymentStatus, { label: string; className: string }> = {
  PENDING: { label: "결제 대기", className: "bg-slate-100 text-slate-700" },
  VIRTUAL_ACCOUNT_ISSUED: { label: "입금 대기", className: "bg-amber-100 text-amber-900" },
  PAID: { label: "충전 완료", className: "bg-emerald-100 text-emerald-800" },
  PARTIALLY_REFUNDED: { label: "부분 환불", className: "bg-sky-100 text-sky-800" },
  REFUNDED: { label: "환불 완료", className: "bg-sky-100 text-sky-800" },
  FAILED: { label: "결제 실패", className: "bg-red-100 text-red-800" },
  EXPIRED: { label: "종료", className: "bg-slate-200 text-slate-700" },
  REJECTED: { label: "검증 실패(취소됨)", className: "bg-red-100 text-red-800" },
};

export function StatusBadge({ status }: { status: PaymentStatus }) {
  const { label, className } = STATUS[status];
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${className}`}>{label}</span>;
}
