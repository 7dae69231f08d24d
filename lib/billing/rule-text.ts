import type { Formatters } from "@/lib/i18n/formatters";
import type { Messages } from "@/lib/i18n/messages";
import type { PointsPackage } from "@/lib/payments/catalog/packages";
import { billingOption } from "./billing-options";

/**
 * The automatic-charge agreement, worded once (messages `autoChargeTerms`): the form shows it as
 * the user fills it in, in their language, and the server rebuilds the same words in the language
 * the form was in and stores them (with this version and their digest) as the record of consent.
 * Raise the version whenever the wording of either language changes.
 */
export const AUTO_CHARGE_TERMS_VERSION = "2026-12-03";

type Values = Record<string, string | number>;

/** The sentences of `autoChargeTerms`, from useTranslations or createTranslator of that namespace. */
export type TermsText = (key: keyof Messages["autoChargeTerms"], values?: Values) => string;

/** The names of `paymentMethodNames`, likewise. */
export type MethodNames = (key: keyof Messages["paymentMethodNames"]) => string;

/** How the agreement is written: its sentences and the money and points of one language. */
export interface TermsLanguage {
  t: TermsText;
  format: Pick<Formatters, "won" | "points">;
}

export interface LowBalanceTerms {
  kind: "low_balance";
  pack: PointsPackage;
  threshold: number;
  monthlyLimit: number;
  /** The payment method as the user sees it (paymentMethodLabel), e.g. "삼성카드 ****1234". */
  method: string;
}

export function lowBalanceAgreement(terms: LowBalanceTerms, { t, format }: TermsLanguage): string {
  const points = terms.pack.paidPoints + terms.pack.bonusPoints;
  return [
    t("lowBalance", {
      threshold: format.points(terms.threshold),
      method: terms.method,
      price: format.won(terms.pack.price),
      points: format.points(points),
    }),
    t("lowBalanceLimit", {
      count: String(terms.monthlyLimit),
      total: format.won(terms.pack.price * terms.monthlyLimit),
    }),
    t("retry"),
    t("stop"),
  ].join("\n");
}

export interface MonthlyTerms {
  kind: "monthly";
  pack: PointsPackage;
  dayOfMonth: number;
  method: string;
}

export function monthlyAgreement(terms: MonthlyTerms, { t, format }: TermsLanguage): string {
  const points = terms.pack.paidPoints + terms.pack.bonusPoints;
  return [
    t("monthly", {
      day: String(terms.dayOfMonth),
      method: terms.method,
      price: format.won(terms.pack.price),
      points: format.points(points),
    }),
    t("monthlyLimit", { price: format.won(terms.pack.price) }),
    t("retry"),
    t("stop"),
  ].join("\n");
}

/** The agreement for either kind of rule. */
export const agreementFor = (terms: LowBalanceTerms | MonthlyTerms, language: TermsLanguage): string =>
  terms.kind === "monthly" ? monthlyAgreement(terms, language) : lowBalanceAgreement(terms, language);

/** A masked card for display: "삼성카드 ****1234" (the card company's name as PortOne gives it). */
function cardLabel(card: { cardName: string | null; cardNumber: string | null }, names: MethodNames): string {
  const last = card.cardNumber?.replace(/\D/g, "").slice(-4);
  return [card.cardName ?? names("card"), last ? `****${last}` : null].filter(Boolean).join(" ");
}

/**
 * A registered payment method for display: "삼성카드 ****1234", or a wallet with what it pays by,
 * "카카오페이 · 신한카드 ****5678" or "카카오페이 · 잔액 결제".
 */
export function paymentMethodLabel(
  method: { method: string; cardName: string | null; cardNumber: string | null },
  names: MethodNames,
): string {
  const option = billingOption(method.method);
  if (!option || option.billingKeyMethod === "CARD") return cardLabel(method, names);
  const paidBy = method.cardName || method.cardNumber ? cardLabel(method, names) : names("paidByBalance");
  return `${names(option.id)} · ${paidBy}`;
}
