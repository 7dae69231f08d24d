// Formatting happens only on screen; everything stored or computed is an integer.
const won = new Intl.NumberFormat("ko-KR", { style: "currency", currency: "KRW" });
const count = new Intl.NumberFormat("ko-KR");

export function formatWon(amount: number): string {
  return won.format(amount);
}

export function formatPoints(points: number): string {
  return `${count.format(points)} P`;
}

/** A change of points: "+1,000 P", "-500 P". */
export function formatSignedPoints(points: number): string {
  return `${points > 0 ? "+" : ""}${formatPoints(points)}`;
}
