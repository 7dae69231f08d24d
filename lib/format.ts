import { DEFAULT_LOCALE, intlTagOf, type Locale } from "./i18n/locales";
import { CURRENCY_SCALES, isCurrency, minorToDecimal } from "./money/currencies";

// Formatting happens only on screen; everything stored or computed is an integer.
const counts = { ko: new Intl.NumberFormat("ko-KR"), en: new Intl.NumberFormat("en-US") };

const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let format = currencyFormats.get(key);
  if (!format) {
    const digits = isCurrency(currency) ? CURRENCY_SCALES[currency] : 0;
    format = new Intl.NumberFormat(intlTagOf(locale), {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    currencyFormats.set(key, format);
  }
  return format;
}

/**
 * Money in minor units of its currency, as the buyer reads it: won as Korean shops write it in
 * Korean ("10,000원", not "₩10,000"), every other case through Intl ("$19.99", "US$19.99",
 * "₩10,000", "¥1,100"). The one formatter of money.
 */
export function formatMoney(amount: number, currency: string, locale: Locale = DEFAULT_LOCALE): string {
  if (currency === "KRW" && locale === "ko") return `${counts.ko.format(amount)}원`;
  // A decimal string, so cents never pass through a float (Intl formats it exactly).
  const decimal = isCurrency(currency) ? minorToDecimal(amount, currency) : String(amount);
  return currencyFormat(locale, currency).format(decimal as Intl.StringNumericLiteral);
}

/** Won: "10,000원" in Korean, "₩10,000" in English. */
export function formatWon(amount: number, locale: Locale = DEFAULT_LOCALE): string {
  return formatMoney(amount, "KRW", locale);
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
