// The cash receipt (현금영수증) a buyer asks for at checkout, checked the same way in the browser
// (to say what is wrong before anything starts) and on the server (which decides). Browser-safe.

export type CashReceiptType = "PERSONAL" | "CORPORATE";

export const CASH_RECEIPT_TYPES: readonly CashReceiptType[] = ["PERSONAL", "CORPORATE"];

// What the two purposes are called, what number each needs and what is wrong with a number
// refused are in messages/ (cashReceipt): the browser says it in the buyer's language.

/** Why a number was refused, one per purpose; messages/ "cashReceipt.problems" says it. */
export type CashReceiptProblem = "mobile_number" | "business_number";

export interface CheckedCashReceipt {
  type: CashReceiptType;
  /** Digits only, as PortOne's `customerIdentifier` takes it; passed on, never stored. */
  identifier: string;
  /** What is kept and shown: "010-****-5678", "220-81-*****". */
  masked: string;
}

const MOBILE_NUMBER = /^01[016789]\d{7,8}$/;

/** The last of a business registration number's ten digits checks the nine before it. */
export function isBusinessNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * weights[i]!;
  sum += Math.floor((Number(digits[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

function maskPhone(digits: string): string {
  return `${digits.slice(0, 3)}-${"*".repeat(digits.length - 7)}-${digits.slice(-4)}`;
}

const maskBusinessNumber = (digits: string) => `${digits.slice(0, 3)}-${digits.slice(3, 5)}-*****`;

/** The buyer's number for a purpose, or why it cannot be used. Spaces and hyphens are ignored. */
export function checkCashReceipt(
  type: CashReceiptType,
  entered: string,
): { ok: true; receipt: CheckedCashReceipt } | { ok: false; problem: CashReceiptProblem } {
  const digits = entered.replace(/[\s-]/g, "");
  if (type === "PERSONAL") {
    return MOBILE_NUMBER.test(digits)
      ? { ok: true, receipt: { type, identifier: digits, masked: maskPhone(digits) } }
      : { ok: false, problem: "mobile_number" };
  }
  return isBusinessNumber(digits)
    ? { ok: true, receipt: { type, identifier: digits, masked: maskBusinessNumber(digits) } }
    : { ok: false, problem: "business_number" };
}
