import { describe, expect, it } from "vitest";
import { formatMoney, formatWon } from "../lib/format";
import { minorToDecimal, moneyCode } from "../lib/money/currencies";
import { POINTS_PACKAGES, priceIn } from "../lib/payments/catalog/packages";

describe("amounts in minor units", () => {
  it("become exact decimals by the currency's scale", () => {
    expect(minorToDecimal(1_999, "USD")).toBe("19.99");
    expect(minorToDecimal(5, "USD")).toBe("0.05");
    expect(minorToDecimal(-479, "USD")).toBe("-4.79");
    expect(minorToDecimal(100, "USD")).toBe("1.00");
    expect(minorToDecimal(10_000, "KRW")).toBe("10000");
    expect(minorToDecimal(1_100, "JPY")).toBe("1100");
    expect(() => minorToDecimal(1.5, "USD")).toThrow(RangeError);
  });

  it("are named the same way in every language in records", () => {
    expect(moneyCode(479, "USD")).toBe("USD 4.79");
    expect(moneyCode(10_000, "KRW")).toBe("KRW 10000");
  });

  it("are shown as the buyer's language writes them", () => {
    expect(formatMoney(1_999, "USD", "en")).toBe("$19.99");
    expect(formatMoney(1_999, "USD", "ko")).toBe("US$19.99");
    expect(formatMoney(479, "USD", "en")).toBe("$4.79");
    expect(formatMoney(10_000, "KRW", "ko")).toBe("10,000원");
    expect(formatMoney(10_000, "KRW", "en")).toBe("₩10,000");
    expect(formatMoney(1_100, "JPY", "en")).toBe("¥1,100");
    expect(formatWon(10_000)).toBe("10,000원");
  });

  it("keep every cent up to the largest amount a payment row holds", () => {
    // Amounts are PostgreSQL integers: at most 2,147,483,647 minor units.
    expect(formatMoney(2_147_483_647, "USD", "en")).toBe("$21,474,836.47");
    expect(formatMoney(1_005, "USD", "en")).toBe("$10.05");
    expect(formatMoney(29, "USD", "en")).toBe("$0.29");
  });
});

describe("the price table", () => {
  it("prices every package in won as its paid points, and abroad in whole minor units", () => {
    for (const pack of POINTS_PACKAGES) {
      expect(priceIn(pack, "KRW")).toBe(pack.paidPoints);
      for (const currency of ["USD", "JPY"] as const) {
        const price = priceIn(pack, currency);
        if (price !== undefined) expect(Number.isSafeInteger(price) && price > 0).toBe(true);
      }
    }
  });

  it("sells nothing in dollars below the global PGs' minimum of $1.00", () => {
    const dollarPrices = POINTS_PACKAGES.flatMap((pack) => priceIn(pack, "USD") ?? []);
    expect(dollarPrices.length).toBeGreaterThan(0);
    expect(Math.min(...dollarPrices)).toBeGreaterThanOrEqual(100);
  });
});
