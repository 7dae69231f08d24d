import { formatCount, formatMoney, formatPoints, formatSignedPoints, formatWon } from "@/lib/format";
import { intlTagOf, type Locale } from "./locales";

/** Money, points, dates and times in the buyer's language and zone; the zone is named with every time. */
export type Formatters = {
  locale: Locale;
  timeZone: string;
  won(amount: number): string;
  /** Minor units of `currency` (USD 1999 = $19.99). */
  money(amount: number, currency: string): string;
  points(points: number): string;
  signedPoints(points: number): string;
  count(value: number): string;
  dateTime(value: Date | string, options?: { seconds?: boolean }): string;
  date(value: Date | string): string;
  longDate(value: Date | string): string;
};

const asDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

export function formattersOf(locale: Locale, timeZone: string): Formatters {
  const tag = intlTagOf(locale);
  // A 24-hour clock, as on Korean receipts; ICU's 12-hour ko-KR form varies by version.
  const fields = {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  } as const;
  const toMinute = new Intl.DateTimeFormat(tag, fields);
  const toSecond = new Intl.DateTimeFormat(tag, { ...fields, second: "2-digit" });
  const toDay = new Intl.DateTimeFormat(tag, { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const toLongDay = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: "long" });
  return {
    locale,
    timeZone,
    won: (amount) => formatWon(amount, locale),
    money: (amount, currency) => formatMoney(amount, currency, locale),
    points: (points) => formatPoints(points, locale),
    signedPoints: (points) => formatSignedPoints(points, locale),
    count: (value) => formatCount(value, locale),
    dateTime: (value, { seconds = false } = {}) => (seconds ? toSecond : toMinute).format(asDate(value)),
    date: (value) => toDay.format(asDate(value)),
    longDate: (value) => toLongDay.format(asDate(value)),
  };
}
