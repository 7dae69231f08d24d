import type { PaymentMethod } from "@portone/server-sdk/payment";
import { describe, expect, it } from "vitest";
import { formatPaymentMethod } from "@/lib/portone/labels";
import { methodDetailsOf } from "@/lib/portone/method-details";

const card = (publisher: string | undefined, month: number) =>
  ({
    type: "PaymentMethodCard",
    card: { publisher, issuer: publisher, brand: "LOCAL", name: "신한 Deep Dream", number: "536181******1234" },
    installment: { month, isInterestFree: false },
  }) as const;

// PortOne's method (as its API sends it), the codes we keep, and the text the screens show in
// Korean and in English (a code the tables do not know yet is shown as PortOne sent it).
const CASES: [PaymentMethod, unknown, string, string][] = [
  [
    card("SHINHAN_CARD", 0),
    { type: "CARD", publisher: "SHINHAN_CARD", issuer: "SHINHAN_CARD", installmentMonths: 0 },
    "신한카드 · 일시불",
    "Shinhan Card · Lump sum",
  ],
  [
    card("KOOKMIN_CARD", 3),
    { type: "CARD", publisher: "KOOKMIN_CARD", issuer: "KOOKMIN_CARD", installmentMonths: 3 },
    "KB국민카드 · 3개월 할부",
    "KB Kookmin Card · 3-month installments",
  ],
  [{ type: "PaymentMethodCard" }, { type: "CARD", installmentMonths: 0 }, "카드 · 일시불", "Card · Lump sum"],
  [
    { type: "PaymentMethodEasyPay", provider: "KAKAOPAY", easyPayMethod: card("HANA_CARD", 0) },
    {
      type: "EASY_PAY",
      provider: "KAKAOPAY",
      method: { type: "CARD", publisher: "HANA_CARD", issuer: "HANA_CARD", installmentMonths: 0 },
    },
    "카카오페이",
    "Kakao Pay",
  ],
  [
    {
      type: "PaymentMethodEasyPay",
      provider: "NAVERPAY",
      easyPayMethod: { type: "PaymentMethodEasyPayMethodCharge", bank: "SHINHAN" },
    },
    { type: "EASY_PAY", provider: "NAVERPAY", method: { type: "CHARGE", bank: "SHINHAN" } },
    "네이버페이",
    "Naver Pay",
  ],
  [{ type: "PaymentMethodEasyPay" }, { type: "EASY_PAY" }, "간편결제", "Easy pay"],
  [
    { type: "PaymentMethodTransfer", bank: "KOOKMIN", accountNumber: "123" },
    { type: "TRANSFER", bank: "KOOKMIN" },
    "계좌이체 · KB국민은행",
    "Bank transfer · KB Kookmin Bank",
  ],
  [
    { type: "PaymentMethodTransfer", bank: "KEXIM" },
    { type: "TRANSFER", bank: "KEXIM" },
    "계좌이체 · KEXIM",
    "Bank transfer · KEXIM",
  ],
  [
    { type: "PaymentMethodVirtualAccount", bank: "HANA", accountNumber: "1234" },
    { type: "VIRTUAL_ACCOUNT", bank: "HANA" },
    "가상계좌 · 하나은행",
    "Virtual account · Hana Bank",
  ],
  [
    { type: "PaymentMethodMobile", phoneNumber: "01012345678" },
    { type: "MOBILE" },
    "휴대폰 결제",
    "Mobile phone payment",
  ],
  [{ type: "PaymentMethodGiftCertificate", approvalNumber: "1" }, { type: "OTHER" }, "기타 결제", "Other payment"],
];

describe("payment method details", () => {
  it("keeps PortOne's codes only (no card names or phone numbers) and names them on screen", () => {
    for (const [method, details, korean, english] of CASES) {
      const kept = methodDetailsOf(method);
      expect(JSON.parse(JSON.stringify(kept)), korean).toEqual(details);
      expect(formatPaymentMethod(kept, "ko")).toBe(korean);
      expect(formatPaymentMethod(kept, "en")).toBe(english);
      // The admin screens, Korean so far, name them without a locale.
      expect(formatPaymentMethod(kept)).toBe(korean);
    }
  });
});
