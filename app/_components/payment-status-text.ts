import type { PaymentStatus } from "@/lib/payments/sync/transitions";

/**
 * How each payment status looks: the colours of its badge in lists and of its page's headline.
 * The words are in messages/ (paymentStatus.<status>.badge and .headline).
 */
export const PAYMENT_STATUS_STYLE: Record<PaymentStatus, { badgeClass: string; headlineClass: string }> = {
  PENDING: { badgeClass: "bg-slate-100 text-slate-700", headlineClass: "text-slate-900" },
  VIRTUAL_ACCOUNT_ISSUED: { badgeClass: "bg-amber-100 text-amber-900", headlineClass: "text-amber-900" },
  PAID: { badgeClass: "bg-emerald-100 text-emerald-800", headlineClass: "text-emerald-700" },
  PARTIALLY_REFUNDED: { badgeClass: "bg-sky-100 text-sky-800", headlineClass: "text-sky-800" },
  REFUNDED: { badgeClass: "bg-sky-100 text-sky-800", headlineClass: "text-sky-800" },
  FAILED: { badgeClass: "bg-red-100 text-red-800", headlineClass: "text-red-700" },
  EXPIRED: { badgeClass: "bg-slate-200 text-slate-700", headlineClass: "text-slate-700" },
  REJECTED: { badgeClass: "bg-red-100 text-red-800", headlineClass: "text-red-700" },
};
