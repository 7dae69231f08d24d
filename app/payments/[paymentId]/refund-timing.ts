import type { Messages } from "@/lib/i18n/messages";
import { payOptionName } from "@/lib/i18n/pay-option-name";
import { payOptionDefinition, type PayOptionId } from "@/lib/payments/catalog/pay-option-table";

/** Where a refund's money goes and when the buyer sees it, by how the charge was paid. */
export interface RefundDestination {
  /** "Credit card payment cancelled", "Paid into the account you entered" */
  method: string;
  /** When the money shows, as Korean PGs and banks usually manage it. */
  timing: string;
}

/** The sentences of messages/ refundDestination, in the buyer's language. */
export type DestinationText = (key: keyof Messages["refundDestination"], values?: { label: string }) => string;

export function refundDestination(
  payOption: string,
  t: DestinationText,
  names: (id: PayOptionId) => string,
): RefundDestination {
  const label = payOptionName(names, payOption);
  const cancelled = t("cancelPayment", { label });
  switch (payOptionDefinition(payOption)?.payMethod) {
    case "CARD":
      return { method: cancelled, timing: t("cardTiming") };
    case "EASY_PAY":
      return { method: cancelled, timing: t("easyPayTiming", { label }) };
    case "TRANSFER":
      return { method: t("transferMethod"), timing: t("transferTiming") };
    case "VIRTUAL_ACCOUNT":
      return { method: t("accountMethod"), timing: t("accountTiming") };
    case "MOBILE":
      return { method: t("mobileMethod"), timing: t("mobileTiming") };
    default:
      return { method: cancelled, timing: t("otherTiming") };
  }
}
