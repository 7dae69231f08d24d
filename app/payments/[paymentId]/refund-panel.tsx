import { formatPoints, formatWon } from "@/lib/format";
import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";
import { listRefunds, previewRefund } from "@/lib/payments/refunds/request-refund";
import { formatKst } from "@/app/_components/date-time";
import { BANK_OPTIONS } from "@/lib/portone/labels";
import { REFUND_MESSAGES } from "./refund-messages";
import { RefundForm } from "./refund-form";
import { RefundOutcome } from "./refund-outcome";
import { refundDestination } from "./refund-timing";

const REFUND_STATUS_LABELS = {
  REQUESTED: "환불 처리 중",
  COMPLETED: "환불 완료",
  FAILED: "환불 실패 (포인트 복구됨)",
} as const;

function points(quote: { paidPoints: number; bonusPoints: number }): string {
  return `${formatPoints(quote.paidPoints)}${quote.bonusPoints > 0 ? ` + 보너스 ${formatPoints(quote.bonusPoints)}` : ""}`;
}

/** The refund offer of a paid charge: the exact amount is shown before the user confirms. */
export async function RefundPanel({
  userId,
  paymentId,
  payOption,
  needsAccount,
}: {
  userId: string;
  paymentId: string;
  payOption: string;
  needsAccount: boolean;
}) {
  const [preview, history] = await Promise.all([previewRefund(userId, paymentId), listRefunds(userId, paymentId)]);
  if (!preview) return null;
  const destination = refundDestination(payOption);
  const latestOwn = history.find((refund) => refund.origin === "customer");
  return (
    <section aria-labelledby="refund-heading" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5">
      <h2 id="refund-heading" className="text-lg font-bold">
        환불
      </h2>
      {history.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {history.map((refund) => (
            <li key={refund.id} data-testid="refund-row" className="flex flex-wrap gap-x-2">
              <span className="font-semibold">{formatWon(refund.amount)}</span>
              <span>
                {refund.origin === "outside" ? "결제 취소 (고객센터·결제사)" : REFUND_STATUS_LABELS[refund.status]}
              </span>
              <span className="text-slate-500">{formatKst(refund.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {latestOwn ? <RefundOutcome refund={latestOwn} destination={destination} /> : null}
      {preview.ok ? (
        <>
          <p className="text-sm text-slate-700" data-testid="refund-quote">
            환불 금액 <strong>{formatWon(preview.quote.amount)}</strong> · 회수 포인트 {points(preview.quote)}
          </p>
          <p className="text-xs text-slate-500">
            사용하지 않은 충전 포인트만큼 환불되며, 결제 후 {REFUND_WINDOW_DAYS}일까지 신청할 수 있습니다. 보너스
            포인트는 돈으로 돌려드리지 않고, 환불하는 만큼의 비율로 함께 회수됩니다.
          </p>
          <RefundForm
            paymentId={paymentId}
            amount={preview.quote.amount}
            points={points(preview.quote)}
            destination={destination}
            banks={needsAccount ? BANK_OPTIONS : undefined}
          />
        </>
      ) : preview.code === "not_paid" ? null : (
        <p className="text-sm text-slate-600" data-testid="refund-unavailable">
          {REFUND_MESSAGES[preview.code]}
        </p>
      )}
    </section>
  );
}
