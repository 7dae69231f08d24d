import type { CashReceiptRequest } from "@/db/schema";
import { CASH_RECEIPT_LABELS } from "@/lib/payments/cash-receipt";
import type { PaymentView } from "@/lib/payments/queries";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";

const LINK = "font-medium text-brand-700 underline hover:text-brand-600";

/** Where the buyer's cash receipt stands: asked for, issued (with its 승인번호 and page), or cancelled. */
export function CashReceiptSummary({
  payment,
  request,
}: {
  payment: Pick<PaymentView, "status" | "cashReceipt">;
  request: CashReceiptRequest;
}) {
  const receipt = payment.cashReceipt;
  return (
    <>
      {CASH_RECEIPT_LABELS[request.type].purpose} · {request.maskedIdentifier}
      <br />
      {receipt ? (
        <>
          {receipt.status === "CANCELLED" ? "발급 취소됨" : "발급 완료"} · 승인번호 {receipt.issueNumber}
          {receipt.url ? (
            <>
              {" · "}
              <a href={receipt.url} target="_blank" rel="noopener noreferrer" className={LINK}>
                현금영수증 보기<span className="sr-only"> (새 창)</span>
              </a>
            </>
          ) : null}
        </>
      ) : (
        <span className="text-slate-600">{pendingText(payment)}</span>
      )}
    </>
  );
}

function pendingText(payment: Pick<PaymentView, "status">): string {
  if (payment.status === "VIRTUAL_ACCOUNT_ISSUED") return "입금이 확인되면 발급됩니다.";
  if (OPEN_STATUSES.includes(payment.status)) return "결제가 완료되면 발급됩니다.";
  if (CREDITED_STATUSES.includes(payment.status)) return "PG사에서 발급을 처리하고 있습니다.";
  return "결제가 완료되지 않아 발급되지 않았습니다.";
}
