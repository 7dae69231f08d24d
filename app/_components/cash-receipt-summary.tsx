import { getTranslations } from "next-intl/server";
import type { CashReceiptRequest } from "@/db/schema";
import type { PaymentView } from "@/lib/payments/queries";
import { CREDITED_STATUSES, OPEN_STATUSES } from "@/lib/payments/sync/transitions";

const LINK = "font-medium text-brand-700 underline hover:text-brand-600";

/** Where the buyer's cash receipt stands: asked for, issued (with its approval number and page), or cancelled. */
export async function CashReceiptSummary({
  payment,
  request,
}: {
  payment: Pick<PaymentView, "status" | "cashReceipt">;
  request: CashReceiptRequest;
}) {
  const [t, common] = await Promise.all([getTranslations("cashReceipt"), getTranslations("common")]);
  const receipt = payment.cashReceipt;
  return (
    <>
      {t(`purpose.${request.type}`)} · {request.maskedIdentifier}
      <br />
      {receipt ? (
        <>
          {t(receipt.status === "CANCELLED" ? "cancelled" : "issued")} ·{" "}
          {t("issueNumber", { number: receipt.issueNumber })}
          {receipt.url ? (
            <>
              {" · "}
              <a href={receipt.url} target="_blank" rel="noopener noreferrer" className={LINK}>
                {t("view")}
                <span className="sr-only"> {common("newWindow")}</span>
              </a>
            </>
          ) : null}
        </>
      ) : (
        <span className="text-slate-600">{t(pendingKey(payment))}</span>
      )}
    </>
  );
}

function pendingKey(payment: Pick<PaymentView, "status">) {
  if (payment.status === "VIRTUAL_ACCOUNT_ISSUED") return "pendingDeposit";
  if (OPEN_STATUSES.includes(payment.status)) return "pendingPayment";
  if (CREDITED_STATUSES.includes(payment.status)) return "processing";
  return "notIssued";
}
