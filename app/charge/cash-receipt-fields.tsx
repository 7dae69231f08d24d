"use client";

import { TextField } from "@/app/_components/form-controls";
import { CASH_RECEIPT_LABELS, CASH_RECEIPT_TYPES, type CashReceiptType } from "@/lib/payments/cash-receipt";
import { ChoiceCard, ChoiceFieldset } from "./choice-card";

/** What the buyer chose for a cash receipt: none, or a purpose and the number typed for it. */
export interface CashReceiptChoice {
  type: CashReceiptType | "NONE";
  identifier: string;
}

const PLACEHOLDERS: Record<CashReceiptType, string> = { PERSONAL: "010-1234-5678", CORPORATE: "123-45-67890" };

/**
 * 현금영수증 for a cash pay method (transfer, virtual account): income deduction with a phone
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
  const group = {
    name: "cashReceiptType",
    chosen: choice.type,
    choose: (type: string) => onChange({ ...choice, type: type as CashReceiptChoice["type"] }),
  };
  const card =
    "flex items-center justify-center rounded-lg border border-slate-300 bg-white px-2 py-2.5 text-center text-sm font-medium has-[:checked]:text-brand-700";
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <ChoiceFieldset legend="현금영수증" disabled={disabled} gridClass="gap-2 grid-cols-3!">
        <ChoiceCard group={group} value="NONE" className={card}>
          신청 안 함
        </ChoiceCard>
        {CASH_RECEIPT_TYPES.map((type) => (
          <ChoiceCard key={type} group={group} value={type} className={card}>
            {CASH_RECEIPT_LABELS[type].purpose}
          </ChoiceCard>
        ))}
      </ChoiceFieldset>
      {choice.type !== "NONE" ? (
        <TextField
          label={CASH_RECEIPT_LABELS[choice.type].number}
          name="cashReceiptIdentifier"
          value={choice.identifier}
          onChange={(event) => onChange({ ...choice, identifier: event.target.value })}
          inputMode="numeric"
          autoComplete={choice.type === "PERSONAL" ? "tel-national" : "off"}
          placeholder={PLACEHOLDERS[choice.type]}
          maxLength={20}
          disabled={disabled}
          errors={error ? [error] : undefined}
          hint="결제가 완료되면(가상계좌는 입금이 확인되면) 발급되며, 결제 상세에서 확인할 수 있습니다."
        />
      ) : null}
    </div>
  );
}
