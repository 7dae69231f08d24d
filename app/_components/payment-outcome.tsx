import { getTranslations } from "next-intl/server";
import { getFormatters } from "@/lib/i18n/server";
import { payOptionName } from "@/lib/i18n/pay-option-name";
import { payOptionDefinition } from "@/lib/payments/catalog/pay-option-table";
import type { PaymentView } from "@/lib/payments/queries";
import { formatPaymentMethod } from "@/lib/portone/labels";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";
import { CashReceiptSummary } from "./cash-receipt-summary";
import { FailureExplanation } from "./failure-explanation";
import { Spinner } from "./form-controls";
import { LinkButton } from "./link-button";
import { PAYMENT_STATUS_STYLE } from "./payment-status-text";
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
export async function PaymentOutcome({
  payment,
  message,
  unfinished = false,
}: {
  payment: PaymentView;
  message?: string;
  unfinished?: boolean;
}) {
  const isVirtualAccount = payOptionDefinition(payment.payOption)?.payMethod === "VIRTUAL_ACCOUNT";
  // A window that was opened and never completed has not "ended" to the buyer: it did not go through.
  const windowNeverCompleted = unfinished || (payment.status === "EXPIRED" && !isVirtualAccount);
  const shownStatus = windowNeverCompleted ? "FAILED" : payment.status;
  const { headlineClass } = PAYMENT_STATUS_STYLE[shownStatus];
  const [t, statusText, common, names, format] = await Promise.all([
    getTranslations("paymentOutcome"),
    getTranslations("paymentStatus"),
    getTranslations("common"),
    getTranslations("payOptionNames"),
    getFormatters(),
  ]);
  const checking = payment.status === "PENDING" && !unfinished;
  const retry = windowNeverCompleted || payment.status === "FAILED";
  const points = payment.paidPoints + payment.bonusPoints;
  const pointsLabel = CREDITED_STATUSES.includes(payment.status)
    ? t("creditedPoints")
    : OPEN_STATUSES.includes(payment.status) && !unfinished
      ? t("toBeCredited")
      : null;
  return (
    <div className="space-y-4">
      <h1 className={`text-2xl font-bold tracking-tight ${headlineClass}`} data-testid="payment-outcome">
        {statusText(`${shownStatus}.headline`)}
      </h1>
      {checking ? (
        <p role="status" className="flex items-start gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
          <span className="mt-0.5 shrink-0">
            <Spinner />
          </span>
          <span>{t("checking")}</span>
        </p>
      ) : null}
      {unfinished ? <FailureExplanation payOption={payment.payOption} pgMessage={message ?? null} /> : null}
      {payment.status === "PAID" ? (
        <p className="text-lg">
          {t.rich("credited", {
            points: format.points(points),
            strong: (chunks) => <strong data-testid="credited-points">{chunks}</strong>,
          })}
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
          {t(isVirtualAccount ? "expiredVirtualAccount" : "expiredWindow")} {t("noPoints")}
        </p>
      ) : null}
      {payment.status === "VIRTUAL_ACCOUNT_ISSUED" && payment.virtualAccount ? (
        <VirtualAccountPanel account={payment.virtualAccount} amount={payment.amount} currency={payment.currency} />
      ) : null}
      <dl className="grid grid-cols-[6rem_1fr] gap-y-2 rounded-2xl border border-slate-200 bg-white p-5 text-sm">
        <dt className="text-slate-600">{t("product")}</dt>
        <dd>{payment.orderName}</dd>
        <dt className="text-slate-600">{t("amount")}</dt>
        <dd className="font-semibold">{format.money(payment.amount, payment.currency)}</dd>
        {/* Points are named as credited only once they were; before that only as what will come. */}
        {pointsLabel ? (
          <>
            <dt className="text-slate-600">{pointsLabel}</dt>
            <dd data-testid="outcome-points">
              {payment.bonusPoints > 0
                ? t("withBonus", {
                    points: format.points(payment.paidPoints),
                    bonus: format.points(payment.bonusPoints),
                  })
                : format.points(payment.paidPoints)}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("payMethod")}</dt>
        <dd>
          {payment.methodDetails
            ? formatPaymentMethod(payment.methodDetails, format.locale)
            : payOptionName(names, payment.payOption)}
          {payment.receiptUrl ? (
            <>
              {" · "}
              <a
                href={payment.receiptUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-brand-700 underline hover:text-brand-600"
              >
                {t("receipt")}
                <span className="sr-only"> {common("newWindow")}</span>
              </a>
            </>
          ) : null}
        </dd>
        {payment.cashReceiptRequest ? (
          <>
            <dt className="text-slate-600">{t("cashReceipt")}</dt>
            <dd data-testid="cash-receipt">
              <CashReceiptSummary payment={payment} request={payment.cashReceiptRequest} />
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("orderNumber")}</dt>
        <dd className="break-all font-mono text-xs">{payment.id}</dd>
      </dl>
      <div className="flex flex-col gap-2 sm:flex-row">
        {retry ? (
          <LinkButton href={chargeAgainHref(payment)}>{t("payAgain")}</LinkButton>
        ) : (
          <LinkButton href="/charge">{t(payment.status === "EXPIRED" ? "chargeAgain" : "chargeMore")}</LinkButton>
        )}
        <LinkButton href="/history" variant="secondary">
          {t("history")}
        </LinkButton>
      </div>
    </div>
  );
}
