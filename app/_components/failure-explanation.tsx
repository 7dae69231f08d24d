import { useTranslations } from "next-intl";
import { payOptionName } from "@/lib/i18n/pay-option-name";
import { payOptionDefinition } from "@/lib/payments/catalog/pay-option-table";
import { saysBuyerCancelled } from "@/lib/payments/pg-message";

const METHOD_SENTENCES = ["CARD", "EASY_PAY", "TRANSFER", "VIRTUAL_ACCOUNT", "MOBILE"] as const;

// PortOne passes the PG's words on as they are: a test PG speaks of the card company even for a
// bank transfer. The buyer gets a sentence for the method they chose; the PG's text stays below
// as a detail for whoever helps them.
function explanationKey(payOption: string, pgMessage: string | null) {
  if (saysBuyerCancelled(pgMessage)) return "cancelled";
  const payMethod = payOptionDefinition(payOption)?.payMethod;
  return METHOD_SENTENCES.find((method) => method === payMethod) ?? "other";
}

/**
 * Why a payment did not go through, in words for its method, each sentence on its own, the PG's
 * text as a detail. Rendered by server pages and by the charge form alike.
 */
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
  const t = useTranslations("failureExplanation");
  const names = useTranslations("payOptionNames");
  return (
    <div role={role} className="space-y-1 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
      {headline ? <p className="font-semibold">{headline}</p> : null}
      <p data-testid="failure-explanation">
        {rejected ? t("rejected") : t(explanationKey(payOption, pgMessage), { label: payOptionName(names, payOption) })}
      </p>
      <p>{t("noPoints")}</p>
      {pgMessage ? (
        <p className="text-xs text-red-700" data-testid="pg-message">
          {t("pgMessage", { message: pgMessage })}
        </p>
      ) : null}
    </div>
  );
}
