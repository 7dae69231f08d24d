import { useTranslations } from "next-intl";
import type { PaymentStatus } from "@/lib/payments/sync/transitions";
import { PAYMENT_STATUS_STYLE } from "./payment-status-text";

export function StatusBadge({ status }: { status: PaymentStatus }) {
  const t = useTranslations("paymentStatus");
  const { badgeClass } = PAYMENT_STATUS_STYLE[status];
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${badgeClass}`}>
      {t(`${status}.badge`)}
    </span>
  );
}
