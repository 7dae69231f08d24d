import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh, RefreshOnce } from "@/app/_components/auto-refresh";
import { formatKst } from "@/app/_components/date-time";
import { PaymentOutcome } from "@/app/_components/payment-outcome";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireUserId } from "@/lib/auth/session";
import { loadOwnPaymentFresh } from "@/lib/payments/sync/load-fresh";
import { needsRefundAccount } from "@/lib/payments/refunds/request-refund";
import { CREDITED_STATUSES } from "@/lib/payments/sync/transitions";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { CloseDepositForm } from "./close-deposit-form";
import { RefundPanel } from "./refund-panel";

export const metadata: Metadata = { title: "결제 상세" };

export default async function PaymentDetailPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const userId = await requireUserId(`/payments/${encodeURIComponent(paymentId)}`);
  const loaded = paymentIdSchema.safeParse(paymentId).success ? await loadOwnPaymentFresh(userId, paymentId) : null;
  if (!loaded) notFound();
  const { payment, changed } = loaded;

  return (
    <div className="space-y-4">
      {payment.status === "PENDING" ? <AutoRefresh /> : null}
      {changed ? <RefreshOnce /> : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <StatusBadge status={payment.status} />
        <span>요청 {formatKst(payment.createdAt)}</span>
        {payment.paidAt ? <span>결제 {formatKst(payment.paidAt)}</span> : null}
        {payment.transactionId ? <span className="break-all">거래번호 {payment.transactionId}</span> : null}
      </div>
      <PaymentOutcome payment={payment} />
      {payment.status === "VIRTUAL_ACCOUNT_ISSUED" ? <CloseDepositForm paymentId={payment.id} /> : null}
      {CREDITED_STATUSES.includes(payment.status) ? (
        <RefundPanel
          userId={userId}
          paymentId={payment.id}
          payOption={payment.payOption}
          needsAccount={needsRefundAccount(payment)}
        />
      ) : null}
    </div>
  );
}
