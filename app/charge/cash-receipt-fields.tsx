"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/app/_components/form-controls";
import { CASH_RECEIPT_TYPES, type CashReceiptType } from "@/lib/payments/cash-receipt";
import { ChoiceCard, ChoiceFieldset } from "./choice-card";

/** What the buyer chose for a cash receipt: none, or a purpose and the number typed for it. */
export interface CashReceiptChoice {
  type: CashReceiptType | "NONE";
  identifier: string;
}

const PLACEHOLDERS: Record<CashReceiptType, string> = { PERSONAL: "010-1234-5678", CORPORATE: "123-45-67890" };

/**
 * A cash receipt (현금영수증) for a cash pay method (transfer, virtual account): income deduction with a phone
 * number or expense proof with a business number. The PG issues it once the money arrives.
 */
export function CashReceiptFields({
  choice,
  onChange,
  error,
  disabled,
}: {
  choice: CashReceiptChoice;
  onChange: (choice: CashReceiptChoice) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const t = useTranslations("cashReceipt");
  const group = {
    name: "cashReceiptType",
    chosen: choice.type,
    choose: (type: string) => onChange({ ...choice, type: type as CashReceiptChoice["type"] }),
  };
  const card =
    "flex items-center justify-center rounded-lg border border-slate-300 bg-white px-2 py-2.5 text-center text-sm font-medium has-[:checked]:text-brand-700";
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <ChoiceFieldset legend={t("legend")} disabled={disabled} gridClass="gap-2 grid-cols-3!">
        <ChoiceCard group={group} value="NONE" className={card}>
          {t("none")}
        </ChoiceCard>
        {CASH_RECEIPT_TYPES.map((type) => (
          <ChoiceCard key={type} group={group} value={type} className={card}>
            {t(`purpose.${type}`)}
          </ChoiceCard>
        ))}
      </ChoiceFieldset>
      {choice.type !== "NONE" ? (
        <TextField
          label={t(`number.${choice.type}`)}
          name="cashReceiptIdentifier"
          value={choice.identifier}
          onChange={(event) => onChange({ ...choice, identifier: event.target.value })}
          inputMode="numeric"
          autoComplete={choice.type === "PERSONAL" ? "tel-national" : "off"}
          placeholder={PLACEHOLDERS[choice.type]}
          maxLength={20}
          disabled={disabled}
          errors={error ? [error] : undefined}
          hint={t("hint")}
        />
      ) : null}
    </div>
  );
}
