import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LivePaymentStatus } from "@/app/_components/live-payment-status";
import { RefreshOnce } from "@/app/_components/refresh-once";
import { PaymentOutcome } from "@/app/_components/payment-outcome";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireUserId } from "@/lib/auth/session";
import { getFormatters } from "@/lib/i18n/server";
import { loadOwnPaymentFresh } from "@/lib/payments/sync/load-fresh";
import { needsRefundAccount } from "@/lib/payments/refunds/request-refund";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";
import { watchOwnPayment } from "@/lib/payments/watch";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { CloseDepositForm } from "./close-deposit-form";
import { RefundPanel } from "./refund-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentDetail"))("title") };
}

export default async function PaymentDetailPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const userId = await requireUserId(`/payments/${encodeURIComponent(paymentId)}`);
  // Someone reading this page is not in PortOne's window: a window PortOne never saw completed
  // is over (a payment that still goes through is credited by the webhook all the same).
  const loaded = paymentIdSchema.safeParse(paymentId).success
    ? await loadOwnPaymentFresh(userId, paymentId, { buyerReturned: true })
    : null;
  if (!loaded) notFound();
  const { payment, changed } = loaded;
  // Watched while it may still change by itself: open, or with a refund PortOne has yet to answer.
  const watch = await watchOwnPayment(userId, payment.id);
  const [t, format] = await Promise.all([getTranslations("paymentDetail"), getFormatters()]);
  const watched = watch && (OPEN_STATUSES.includes(payment.status) || watch.refundsInFlight > 0) ? watch : null;

  return (
    <div className="space-y-4">
      {watched ? <LivePaymentStatus paymentId={payment.id} version={watched.version} /> : null}
      {changed ? <RefreshOnce /> : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <StatusBadge status={payment.status} />
        <span>{t("requestedAt", { date: format.dateTime(payment.createdAt) })}</span>
        {payment.paidAt ? <span>{t("paidAt", { date: format.dateTime(payment.paidAt) })}</span> : null}
        {payment.transactionId ? (
          <span className="break-all">{t("transactionId", { id: payment.transactionId })}</span>
        ) : null}
      </div>
      <PaymentOutcome payment={payment} />
      {payment.status === "VIRTUAL_ACCOUNT_ISSUED" ? <CloseDepositForm paymentId={payment.id} /> : null}
      {CREDITED_STATUSES.includes(payment.status) ? (
        <RefundPanel
          userId={userId}
          paymentId={payment.id}
          payOption={payment.payOption}
          currency={payment.currency}
          needsAccount={needsRefundAccount(payment)}
        />
      ) : null}
    </div>
  );
}
