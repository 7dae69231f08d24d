import { formatPoints, formatWon } from "@/lib/format";
import { payOptionDefinition, payOptionLabel } from "@/lib/payments/catalog/pay-option-table";
import type { PaymentView } from "@/lib/payments/queries";
import { formatPaymentMethod } from "@/lib/portone/labels";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";
import { FailureExplanation } from "./failure-explanation";
import { LinkButton } from "./link-button";
import { PAYMENT_STATUS_TEXT } from "./payment-status-text";
import { VirtualAccountPanel } from "./virtual-account-panel";

/** The outcome of one payment, shared by the result page and the payment detail page. */
export function PaymentOutcome({ payment, message }: { payment: PaymentView; message?: string }) {
  const { headline, headlineClass } = PAYMENT_STATUS_TEXT[payment.status];
  const points = payment.paidPoints + payment.bonusPoints;
  const pointsLabel = CREDITED_STATUSES.includes(payment.status)
    ? "적립 포인트"
    : OPEN_STATUSES.includes(payment.status)
      ? "적립 예정"
      : null;
  return (
    <div className="space-y-4">
      <h1 className={`text-2xl font-bold tracking-tight ${headlineClass}`} data-testid="payment-outcome">
        {headline}
      </h1>
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
          {payOptionDefinition(payment.payOption)?.payMethod === "VIRTUAL_ACCOUNT"
            ? "입금 기한이 지났거나 계좌를 닫아 이 계좌로는 입금할 수 없습니다."
            : "결제가 완료되지 않은 채 종료되었습니다."}{" "}
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
        <dt className="text-slate-600">주문 번호</dt>
        <dd className="break-all font-mono text-xs">{payment.id}</dd>
      </dl>
      <div className="flex flex-col gap-2 sm:flex-row">
        <LinkButton href="/charge">
          {payment.status === "FAILED" || payment.status === "EXPIRED" ? "다시 결제하기" : "더 충전하기"}
        </LinkButton>
        <LinkButton href="/history" variant="secondary">
          충전 내역
        </LinkButton>
      </div>
    </div>
  );
}
