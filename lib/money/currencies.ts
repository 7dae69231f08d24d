// Pure (browser-safe): the server's price table, the charge page and the formatters share it.

/**
 * The currencies packages can be priced in, with their minor unit as PortOne counts amounts:
 * KRW and JPY have none (10000 = ₩10,000), USD has cents (1999 = $19.99). Amounts are integers
 * of the minor unit everywhere; only the screen turns them into decimals.
 */
export const CURRENCY_SCALES = { KRW: 0, JPY: 0, USD: 2 } as const;

export type Currency = keyof typeof CURRENCY_SCALES;

export const CURRENCIES = Object.keys(CURRENCY_SCALES) as Currency[];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === "string" && Object.hasOwn(CURRENCY_SCALES, value);
}

/**
 * An amount in minor units as an exact decimal string ("19.99", "-0.05", "10000"), for Intl
 * (which formats such strings without going through a float) and for plain-text records.
 */
export function minorToDecimal(amount: number, currency: Currency): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${amount} is not an integer of minor units`);
  const scale = CURRENCY_SCALES[currency];
  if (scale === 0) return String(amount);
  const digits = String(Math.abs(amount)).padStart(scale + 1, "0");
  const sign = amount < 0 ? "-" : "";
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** "USD 3.99", "KRW 10000": how ledger memos and logs name an amount, the same in every language. */
export function moneyCode(amount: number, currency: string): string {
  return `${currency} ${isCurrency(currency) ? minorToDecimal(amount, currency) : amount}`;
}
