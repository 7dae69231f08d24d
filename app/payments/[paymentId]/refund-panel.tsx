import { getTranslations } from "next-intl/server";
import { getFormatters } from "@/lib/i18n/server";
import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";
import { listRefunds, previewRefund } from "@/lib/payments/refunds/request-refund";
import { bankOptions } from "@/lib/portone/labels";
import { RefundForm } from "./refund-form";
import { RefundOutcome } from "./refund-outcome";
import { refundDestination } from "./refund-timing";

/** The refund offer of a paid charge: the exact amount is shown before the user confirms. */
export async function RefundPanel({
  userId,
  paymentId,
  payOption,
  currency,
  needsAccount,
}: {
  userId: string;
  paymentId: string;
  payOption: string;
  /** The payment's: refunds go back in it. */
  currency: string;
  needsAccount: boolean;
}) {
  const [preview, history] = await Promise.all([previewRefund(userId, paymentId), listRefunds(userId, paymentId)]);
  if (!preview) return null;
  const [t, destinationText, names, format] = await Promise.all([
    getTranslations("refund"),
    getTranslations("refundDestination"),
    getTranslations("payOptionNames"),
    getFormatters(),
  ]);
  const destination = refundDestination(payOption, destinationText, names);
  const points = ({ paidPoints, bonusPoints }: { paidPoints: number; bonusPoints: number }) =>
    bonusPoints > 0
      ? t("withBonus", { points: format.points(paidPoints), bonus: format.points(bonusPoints) })
      : format.points(paidPoints);
  const latestOwn = history.find((refund) => refund.origin === "customer");
  return (
    <section aria-labelledby="refund-heading" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5">
      <h2 id="refund-heading" className="text-lg font-bold">
        {t("heading")}
      </h2>
      {history.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {history.map((refund) => (
            <li key={refund.id} data-testid="refund-row" className="flex flex-wrap gap-x-2">
              <span className="font-semibold">{format.money(refund.amount, refund.currency)}</span>
              <span>{refund.origin === "outside" ? t("outside") : t(`statuses.${refund.status}`)}</span>
              <span className="text-slate-500">{format.dateTime(refund.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {latestOwn ? <RefundOutcome refund={latestOwn} destination={destination} /> : null}
      {preview.ok ? (
        <>
          <p className="text-sm text-slate-700" data-testid="refund-quote">
            {t.rich("quote", {
              amount: format.money(preview.quote.amount, currency),
              points: points(preview.quote),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p className="text-xs text-slate-500">{t("rules", { days: REFUND_WINDOW_DAYS })}</p>
          <RefundForm
            paymentId={paymentId}
            amount={preview.quote.amount}
            currency={currency}
            points={points(preview.quote)}
            destination={destination}
            banks={needsAccount ? bankOptions(format.locale) : undefined}
          />
        </>
      ) : preview.code === "not_paid" ? null : (
        <p className="text-sm text-slate-600" data-testid="refund-unavailable">
          {t(`errors.${preview.code}`, { days: REFUND_WINDOW_DAYS })}
        </p>
      )}
    </section>
  );
}
