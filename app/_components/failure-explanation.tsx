import { payOptionDefinition, payOptionLabel } from "@/lib/payments/catalog/pay-option-table";

// PortOne passes the PG's words on as they are: a test PG says "카드사에서 승인을 거절했습니다" even
// for a bank transfer. The buyer gets a sentence for the method they chose; the PG's text stays
// below as a detail for whoever helps them.
function explanation(payOption: string, pgMessage: string | null): string {
  if (pgMessage && /취소/.test(pgMessage) && !/거절|실패/.test(pgMessage)) return "결제를 취소하셨습니다.";
  const label = payOptionLabel(payOption);
  switch (payOptionDefinition(payOption)?.payMethod) {
    case "CARD":
      return "카드사에서 결제를 승인하지 않았습니다. 카드 한도와 입력한 정보를 확인하거나 다른 결제 수단을 이용해 주세요.";
    case "EASY_PAY":
      return `${label}에서 결제가 승인되지 않았습니다. ${label}에 등록한 결제 수단을 확인하거나 다른 결제 수단을 이용해 주세요.`;
    case "TRANSFER":
      return "은행에서 계좌이체를 처리하지 못했습니다. 출금 계좌의 잔액과 이체 한도를 확인해 주세요.";
    case "VIRTUAL_ACCOUNT":
      return "가상계좌를 발급하지 못했습니다. 잠시 후 다시 시도하거나 다른 결제 수단을 이용해 주세요.";
    case "MOBILE":
      return "휴대폰 결제가 승인되지 않았습니다. 통신사 결제 한도나 소액결제 차단 설정을 확인해 주세요.";
    default:
      return "결제가 완료되지 않았습니다.";
  }
}

/** Why a payment did not go through, in words for its method, each sentence on its own, the PG's text as a detail. */
export function FailureExplanation({
  payOption,
  pgMessage,
  rejected = false,
  headline,
  role = "status",
}: {
  payOption: string;
  pgMessage: string | null;
  /** Paid, but not what we ordered (amount, store or channel): the app cancelled it. */
  rejected?: boolean;
  /** A first line in bold, where nothing else on the page says the payment did not go through. */
  headline?: string;
  /** "alert" where it answers the buyer's own press of the pay button. */
  role?: "status" | "alert";
}) {
  return (
    <div role={role} className="space-y-1 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
      {headline ? <p className="font-semibold">{headline}</p> : null}
      <p data-testid="failure-explanation">
        {rejected
          ? "결제 정보가 주문과 일치하지 않아 결제를 취소했습니다. 결제된 금액은 결제사를 통해 돌려드립니다."
          : explanation(payOption, pgMessage)}
      </p>
      <p>포인트는 적립되지 않았습니다.</p>
      {pgMessage ? (
        <p className="text-xs text-red-700" data-testid="pg-message">
          결제사 메시지: {pgMessage}
        </p>
      ) : null}
    </div>
  );
}
