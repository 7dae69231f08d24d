import { DEFAULT_LOCALE, intlTagOf, type Locale } from "./i18n/locales";

// Formatting happens only on screen; everything stored or computed is an integer.
const counts = { ko: new Intl.NumberFormat("ko-KR"), en: new Intl.NumberFormat("en-US") };
// Buyers abroad read "₩10,000": the amount is still won, only written the English way.
const wonInEnglish = new Intl.NumberFormat("en-US", { style: "currency", currency: "KRW" });

/** Won as Korean shops write it: "10,000원" (not "₩10,000"); "₩10,000" in English. The one formatter of money. */
export function formatWon(amount: number, locale: Locale = DEFAULT_LOCALE): string {
  return locale === "en" ? wonInEnglish.format(amount) : `${counts.ko.format(amount)}원`;
}

export function formatPoints(points: number, locale: Locale = DEFAULT_LOCALE): string {
  return `${counts[locale].format(points)} P`;
}

/** A change of points: "+1,000 P", "-500 P". */
export function formatSignedPoints(points: number, locale: Locale = DEFAULT_LOCALE): string {
  return `${points > 0 ? "+" : ""}${formatPoints(points, locale)}`;
}

export function formatCount(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(intlTagOf(locale)).format(value);
}
