import { formatPoints, formatWon } from "@/lib/format";
import { payOptionDefinition, payOptionLabel } from "@/lib/payments/catalog/pay-option-table";
import type { PaymentView } from "@/lib/payments/queries";
import { formatPaymentMethod } from "@/lib/portone/labels";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";
import { CashReceiptSummary } from "./cash-receipt-summary";
import { FailureExplanation } from "./failure-explanation";
import { Spinner } from "./form-controls";
import { LinkButton } from "./link-button";
import { PAYMENT_STATUS_TEXT } from "./payment-status-text";
import { VirtualAccountPanel } from "./virtual-account-panel";

/** Back to the charge page with the same package and pay option chosen. */
export function chargeAgainHref(payment: Pick<PaymentView, "packageId" | "payOption">): string {
  return `/charge?${new URLSearchParams({ package: payment.packageId, method: payment.payOption }).toString()}`;
}

/**
 * The outcome of one payment, shared by the result page and the payment detail page.
 * `unfinished`: the buyer came back from PortOne's window without completing it, and PortOne
 * could not be asked yet; the row is still PENDING but the buyer must not be told to wait.
 */
export function PaymentOutcome({
  payment,
  message,
  unfinished = false,
}: {
  payment: PaymentView;
  message?: string;
  unfinished?: boolean;
}) {
  const isVirtualAccount = payOptionDefinition(payment.payOption)?.payMethod === "VIRTUAL_ACCOUNT";
  // A window that was opened and never completed is not "종료된 결제" to the buyer: it did not go through.
  const windowNeverCompleted = unfinished || (payment.status === "EXPIRED" && !isVirtualAccount);
  const { headline, headlineClass } = windowNeverCompleted
    ? PAYMENT_STATUS_TEXT.FAILED
    : PAYMENT_STATUS_TEXT[payment.status];
  const checking = payment.status === "PENDING" && !unfinished;
  const retry = windowNeverCompleted || payment.status === "FAILED";
  const points = payment.paidPoints + payment.bonusPoints;
  const pointsLabel = CREDITED_STATUSES.includes(payment.status)
    ? "적립 포인트"
    : OPEN_STATUSES.includes(payment.status) && !unfinished
      ? "적립 예정"
      : null;
  return (
    <div className="space-y-4">
      <h1 className={`text-2xl font-bold tracking-tight ${headlineClass}`} data-testid="payment-outcome">
        {headline}
      </h1>
      {checking ? (
        <p role="status" className="flex items-start gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
          <span className="mt-0.5 shrink-0">
            <Spinner />
          </span>
          <span>
            PortOne에서 결제 결과를 받는 중입니다. 결과가 확인되면 이 화면이 저절로 바뀌니 다시 결제하지 말고 기다려
            주세요.
          </span>
        </p>
      ) : null}
      {unfinished ? <FailureExplanation payOption={payment.payOption} pgMessage={message ?? null} /> : null}
      {payment.status === "PAID" ? (
        <p className="text-lg">
          <strong data-testid="credited-points">{formatPoints(points)}</strong>가 적립되었습니다.
        </p>
      ) : null}
      {payment.status === "FAILED" || payment.status === "REJECTED" ? (
        <FailureExplanation
          payOption={payment.payOption}
          pgMessage={message ?? payment.failureReason}
          rejected={payment.status === "REJECTED"}
        />
      ) : null}
      {payment.status === "EXPIRED" ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="expired-explanation">
          {isVirtualAccount
            ? "입금 기한이 지났거나 계좌를 닫아 이 계좌로는 입금할 수 없습니다."
            : "결제창에서 결제를 마치지 않아 이 결제는 종료되었습니다."}{" "}
          포인트는 적립되지 않았습니다.
        </p>
      ) : null}
      {payment.status === "VIRTUAL_ACCOUNT_ISSUED" && payment.virtualAccount ? (
        <VirtualAccountPanel account={payment.virtualAccount} amount={payment.amount} />
      ) : null}
      <dl className="grid grid-cols-[6rem_1fr] gap-y-2 rounded-2xl border border-slate-200 bg-white p-5 text-sm">
        <dt className="text-slate-600">상품</dt>
        <dd>{payment.orderName}</dd>
        <dt className="text-slate-600">결제 금액</dt>
        <dd className="font-semibold">{formatWon(payment.amount)}</dd>
        {/* Points are named as credited only once they were; before that only as what will come. */}
        {pointsLabel ? (
          <>
            <dt className="text-slate-600">{pointsLabel}</dt>
            <dd data-testid="outcome-points">
              {formatPoints(payment.paidPoints)}
              {payment.bonusPoints > 0 ? ` + 보너스 ${formatPoints(payment.bonusPoints)}` : ""}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">결제 수단</dt>
        <dd>
          {payment.methodDetails ? formatPaymentMethod(payment.methodDetails) : payOptionLabel(payment.payOption)}
          {payment.receiptUrl ? (
            <>
              {" · "}
              <a
                href={payment.receiptUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-brand-700 underline hover:text-brand-600"
              >
                영수증 보기<span className="sr-only"> (새 창)</span>
              </a>
            </>
          ) : null}
        </dd>
        {payment.cashReceiptRequest ? (
          <>
            <dt className="text-slate-600">현금영수증</dt>
            <dd data-testid="cash-receipt">
              <CashReceiptSummary payment={payment} request={payment.cashReceiptRequest} />
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">주문 번호</dt>
        <dd className="break-all font-mono text-xs">{payment.id}</dd>
      </dl>
      <div className="flex flex-col gap-2 sm:flex-row">
        {retry ? (
          <LinkButton href={chargeAgainHref(payment)}>다시 결제하기</LinkButton>
        ) : (
          <LinkButton href="/charge">{payment.status === "EXPIRED" ? "다시 충전하기" : "더 충전하기"}</LinkButton>
        )}
        <LinkButton href="/history" variant="secondary">
          충전 내역
        </LinkButton>
      </div>
    </div>
  );
}
