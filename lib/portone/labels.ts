import { createTranslator } from "next-intl";
import type { PaymentMethodDetails } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

// The banks, card companies and easy-pay providers PortOne reports by code (its Bank, card company
// and EasyPayProvider codes). The database keeps codes; screens name them in the buyer's language
// (messages/*.json "portoneNames", the companies' own English names in English).
const BANKS = [
  "KOOKMIN",
  "SHINHAN",
  "WOORI",
  "HANA",
  "NONGHYUP",
  "LOCAL_NONGHYUP",
  "IBK",
  "KAKAO",
  "TOSS",
  "K_BANK",
  "STANDARD_CHARTERED",
  "CITI",
  "BUSAN",
  "DAEGU",
  "KYONGNAM",
  "KWANGJU",
  "JEONBUK",
  "JEJU",
  "POST",
  "KFCC",
  "SHINHYUP",
  "SUHYUP",
  "KDB",
] as const;

const CARD_COMPANIES = [
  "SHINHAN_CARD",
  "KOOKMIN_CARD",
  "SAMSUNG_CARD",
  "HYUNDAI_CARD",
  "LOTTE_CARD",
  "BC_CARD",
  "HANA_CARD",
  "WOORI_CARD",
  "NH_CARD",
  "CITI_CARD",
  "SUHYUP_CARD",
  "JEONBUK_CARD",
  "GWANGJU_CARD",
  "JEJU_CARD",
  "KAKAO_BANK",
  "K_BANK",
  "TOSS_BANK",
] as const;

const EASY_PAY_PROVIDERS = ["KAKAOPAY", "NAVERPAY", "TOSSPAY", "PAYCO", "SAMSUNGPAY"] as const;

/** The bank codes a refund account may name, in the refund form's order. */
export const BANK_CODES: readonly string[] = BANKS;

const isOneOf = <C extends string>(codes: readonly C[], code: string): code is C =>
  (codes as readonly string[]).includes(code);

const translatorIn = (locale: Locale) =>
  createTranslator({ locale, messages: messagesOf(locale), namespace: "portoneNames" });

const translators = new Map<Locale, ReturnType<typeof translatorIn>>();

function namesIn(locale: Locale) {
  let names = translators.get(locale);
  if (!names) {
    names = translatorIn(locale);
    translators.set(locale, names);
  }
  return names;
}

// A code the tables do not know yet is shown as PortOne sent it rather than hidden.
export function bankLabel(code: string | undefined, locale: Locale): string {
  const names = namesIn(locale);
  if (!code) return names("bank");
  return isOneOf(BANKS, code) ? names(`banks.${code}`) : code;
}

function cardCompanyLabel(code: string | undefined, locale: Locale): string {
  const names = namesIn(locale);
  if (!code) return names("card");
  return isOneOf(CARD_COMPANIES, code) ? names(`cardCompanies.${code}`) : code;
}

function easyPayLabel(code: string | undefined, locale: Locale): string {
  const names = namesIn(locale);
  if (!code) return names("easyPay");
  return isOneOf(EASY_PAY_PROVIDERS, code) ? names(`easyPayProviders.${code}`) : code;
}

/** The banks a refund can be paid into, for the refund-account form, named in the buyer's language. */
export function bankOptions(locale: Locale): { code: string; label: string }[] {
  return BANKS.map((code) => ({ code, label: bankLabel(code, locale) }));
}

/**
 * How a payment was made, in the words the screens show: "신한카드 · 일시불", "계좌이체 · KB국민은행"
 * ("Shinhan Card · Lump sum", "Bank transfer · KB Kookmin Bank"). The admin screens, Korean so far,
 * ask without a locale.
 */
export function formatPaymentMethod(details: PaymentMethodDetails, locale: Locale = DEFAULT_LOCALE): string {
  const names = namesIn(locale);
  switch (details.type) {
    case "CARD": {
      const months = details.installmentMonths;
      return names("cardPayment", {
        company: cardCompanyLabel(details.publisher ?? details.issuer, locale),
        plan: months > 1 ? names("installments", { months }) : names("lumpSum"),
      });
    }
    case "EASY_PAY":
      return easyPayLabel(details.provider, locale);
    case "TRANSFER":
      return names("transfer", { bank: bankLabel(details.bank, locale) });
    case "VIRTUAL_ACCOUNT":
      return names("virtualAccount", { bank: bankLabel(details.bank, locale) });
    case "MOBILE":
      return names("mobile");
    case "OTHER":
      return names("other");
    case "LEGACY_SUMMARY":
      return details.summary;
  }
}
