import "server-only";
import type { PaymentMethod, PaymentMethodCard, PaymentMethodEasyPayMethod } from "@portone/server-sdk/payment";
import type { CardMethodDetails, EasyPayFundingDetails, PaymentMethodDetails } from "@/db/schema";

// Codes PortOne leaves out are left undefined, so the stored JSON simply has no such key.

/** PortOne's payment method reduced to the codes the app keeps: no names, no card or phone numbers. */
export function methodDetailsOf(method: PaymentMethod): PaymentMethodDetails {
  switch (method.type) {
    case "PaymentMethodCard":
      return cardOf(method);
    case "PaymentMethodEasyPay":
      return {
        type: "EASY_PAY",
        provider: method.provider,
        method: method.easyPayMethod && fundingOf(method.easyPayMethod),
      };
    case "PaymentMethodTransfer":
      return { type: "TRANSFER", bank: method.bank };
    case "PaymentMethodVirtualAccount":
      return { type: "VIRTUAL_ACCOUNT", bank: method.bank };
    case "PaymentMethodMobile":
      return { type: "MOBILE" };
    default:
      return { type: "OTHER" };
  }
}

function cardOf(method: PaymentMethodCard): CardMethodDetails {
  const { publisher, issuer } = method.card ?? {};
  return { type: "CARD", publisher, issuer, installmentMonths: method.installment?.month ?? 0 };
}

function fundingOf(method: PaymentMethodEasyPayMethod): EasyPayFundingDetails | undefined {
  switch (method.type) {
    case "PaymentMethodCard":
      return cardOf(method);
    case "PaymentMethodEasyPayMethodCharge":
      return { type: "CHARGE", bank: method.bank };
    case "PaymentMethodTransfer":
      return { type: "TRANSFER", bank: method.bank };
    default:
      return undefined;
  }
}
