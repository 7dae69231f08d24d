import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCashReceipt, isBusinessNumber } from "@/lib/payments/cash-receipt";

// The check digit of a business registration number, computed the long way round for the test.
function withCheckDigit(nine: string): string {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const products = [...nine].map((digit, i) => Number(digit) * weights[i]!);
  const sum = products.reduce((a, b) => a + b, 0) + Math.floor(products[8]! / 10);
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

const nineDigits = fc.stringMatching(/^\d{9}$/);

describe("cash receipt numbers", () => {
  it("accepts every business number with its check digit and refuses every other last digit", () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 1, max: 9 }), (nine, shift) => {
        const valid = withCheckDigit(nine);
        expect(isBusinessNumber(valid)).toBe(true);
        const wrong = `${nine}${(Number(valid[9]) + shift) % 10}`;
        expect(isBusinessNumber(wrong)).toBe(false);
      }),
    );
    expect(isBusinessNumber("2208162517")).toBe(true);
  });

  it("keeps only a masked number, with hyphens and spaces ignored", () => {
    expect(checkCashReceipt("PERSONAL", "010-1234-5678")).toEqual({
      ok: true,
      receipt: { type: "PERSONAL", identifier: "01012345678", masked: "010-****-5678" },
    });
    expect(checkCashReceipt("PERSONAL", "011 234 5678")).toMatchObject({
      ok: true,
      receipt: { masked: "011-***-5678" },
    });
    expect(checkCashReceipt("CORPORATE", "220-81-62517")).toMatchObject({
      ok: true,
      receipt: { identifier: "2208162517", masked: "220-81-*****" },
    });
  });

  it("never shows the hidden digits of a phone number in its masked form", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("010", "011", "016", "017", "018", "019"),
        fc.stringMatching(/^\d{7,8}$/),
        (p, rest) => {
          const checked = checkCashReceipt("PERSONAL", p + rest);
          if (!checked.ok) throw new Error(checked.problem);
          expect(checked.receipt.masked).toBe(`${p}-${"*".repeat(rest.length - 4)}-${rest.slice(-4)}`);
        },
      ),
    );
  });

  it("refuses landlines, short numbers, letters and a business number for income deduction", () => {
    for (const entered of ["02-123-4567", "010-123-456", "010-1234-567a", "", "2208162517"]) {
      expect(checkCashReceipt("PERSONAL", entered).ok, entered).toBe(false);
    }
    for (const entered of ["220-81-62518", "01012345678", "220816251"]) {
      expect(checkCashReceipt("CORPORATE", entered).ok, entered).toBe(false);
    }
  });
});
