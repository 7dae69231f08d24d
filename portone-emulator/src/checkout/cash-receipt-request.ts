import type { EmulatorPayMethod } from "../config.js";
import type { CashReceiptRequest } from "../domain/cash-receipts.js";
import { CheckoutError, type Fields } from "./request-checks.js";

// Where each pay method carries its cash receipt fields in requestPayment (PortOne's browser SDK).
const SECTION_OF: Partial<Record<EmulatorPayMethod, string>> = {
  TRANSFER: "transfer",
  VIRTUAL_ACCOUNT: "virtualAccount",
  EASY_PAY: "easyPay",
};

const PERSONAL_IDENTIFIER = /^(01[016789]\d{7,8}|\d{13}|\d{18})$/;

/** A business registration number's last digit checks the other nine (국세청 검증 규칙). */
function isBusinessNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const weighted = [1, 3, 7, 1, 3, 7, 1, 3, 5].reduce((sum, weight, i) => sum + weight * d[i]!, 0);
  return (10 - ((weighted + Math.floor((d[8]! * 5) / 10)) % 10)) % 10 === d[9];
}

/**
 * The cash receipt a window requested, checked as the PG checks it; undefined when none was asked
 * for (or ANONYMOUS: the emulator does not self-issue one). Throws the error requestPayment rejects with.
 */
export function readCashReceiptRequest(request: Fields, payMethod: EmulatorPayMethod): CashReceiptRequest | undefined {
  const sectionName = SECTION_OF[payMethod];
  const section = sectionName ? request[sectionName] : undefined;
  if (!section || typeof section !== "object") return undefined;
  const { cashReceiptType, customerIdentifier } = section as Fields;
  if (cashReceiptType === undefined || cashReceiptType === null) return undefined;
  const type = String(cashReceiptType).replace(/^CASH_RECEIPT_TYPE_/, "");
  if (type === "ANONYMOUS") return undefined;
  if (type !== "PERSONAL" && type !== "CORPORATE") {
    throw new CheckoutError("BadRequest", `지원하지 않는 현금영수증 유형입니다: ${String(cashReceiptType)}`);
  }
  const digits = typeof customerIdentifier === "string" ? customerIdentifier.replace(/-/g, "") : "";
  if (!digits) throw new CheckoutError("BadRequest", "현금영수증 발급에는 customerIdentifier가 필요합니다.");
  const valid = type === "PERSONAL" ? PERSONAL_IDENTIFIER.test(digits) : isBusinessNumber(digits);
  if (!valid) {
    throw new CheckoutError(
      "BadRequest",
      type === "PERSONAL"
        ? "현금영수증 소득공제용 번호가 올바르지 않습니다."
        : "현금영수증 지출증빙용 사업자등록번호가 올바르지 않습니다.",
    );
  }
  return { type, customerIdentifier: digits };
}
