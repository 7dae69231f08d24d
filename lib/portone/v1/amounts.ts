// V1 states amounts in the currency's major unit (10.5 for USD 10.50); the app keeps integer minor
// units everywhere. KRW and JPY have none, so for them both are the same number.

const digitsOf = (currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 0;

export const toMinorUnits = (amount: number, currency: string) => Math.round(amount * 10 ** digitsOf(currency));

export const toMajorUnits = (minor: number, currency: string) => minor / 10 ** digitsOf(currency);
