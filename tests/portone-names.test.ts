import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import ko from "../messages/ko.json";
import { BANK_CODES, bankLabel, bankOptions, formatPaymentMethod } from "@/lib/portone/labels";

const HANGUL = /\p{Script=Hangul}/u;

describe("names of PortOne's banks, card companies and easy-pay providers", () => {
  it("are the same codes in both languages, each named in English without Korean", () => {
    for (const table of ["banks", "cardCompanies", "easyPayProviders"] as const) {
      expect(Object.keys(en.portoneNames[table]), table).toEqual(Object.keys(ko.portoneNames[table]));
      for (const [code, name] of Object.entries(en.portoneNames[table])) expect(name, code).not.toMatch(HANGUL);
    }
  });

  it("name a bank in the buyer's language, and an unknown one by its code", () => {
    expect(bankLabel("KOOKMIN", "ko")).toBe("KB국민은행");
    expect(bankLabel("KOOKMIN", "en")).toBe("KB Kookmin Bank");
    expect(bankLabel("DAEGU", "en")).toBe("iM Bank");
    expect(bankLabel("KEXIM", "en")).toBe("KEXIM");
    expect(bankLabel(undefined, "ko")).toBe("은행");
    expect(bankLabel(undefined, "en")).toBe("Bank");
  });

  it("offer every refund bank, in the same order, named in either language", () => {
    expect(bankOptions("ko").map((option) => option.code)).toEqual(BANK_CODES);
    expect(bankOptions("en").map((option) => option.code)).toEqual(BANK_CODES);
    expect(bankOptions("ko")[0]).toEqual({ code: "KOOKMIN", label: "KB국민은행" });
    expect(bankOptions("en")).toContainEqual({ code: "SHINHAN", label: "Shinhan Bank" });
    expect(bankOptions("en").filter((option) => HANGUL.test(option.label))).toEqual([]);
  });

  it("say how a card was paid, installments included, in either language", () => {
    const card = (publisher: string, installmentMonths: number) =>
      ({ type: "CARD", publisher, issuer: publisher, installmentMonths }) as const;
    expect(formatPaymentMethod(card("HYUNDAI_CARD", 0), "en")).toBe("Hyundai Card · Lump sum");
    expect(formatPaymentMethod(card("HYUNDAI_CARD", 0), "ko")).toBe("현대카드 · 일시불");
    expect(formatPaymentMethod(card("SHINHAN_CARD", 12), "en")).toBe("Shinhan Card · 12-month installments");
    expect(formatPaymentMethod(card("SHINHAN_CARD", 12), "ko")).toBe("신한카드 · 12개월 할부");
    // One month is no installment plan: PortOne reports 0 or 1 for a lump sum.
    expect(formatPaymentMethod(card("BC_CARD", 1), "en")).toBe("BC Card · Lump sum");
    expect(formatPaymentMethod(card("NEW_CARD", 0), "en")).toBe("NEW_CARD · Lump sum");
    expect(formatPaymentMethod({ type: "EASY_PAY", provider: "SAMSUNGPAY" }, "en")).toBe("Samsung Pay");
    expect(formatPaymentMethod({ type: "LEGACY_SUMMARY", summary: "신한카드 · 일시불" }, "en")).toBe(
      "신한카드 · 일시불",
    );
  });
});
