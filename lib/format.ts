// Formatting happens only on screen; everything stored or computed is an integer.
const count = new Intl.NumberFormat("ko-KR");

/** Won as Korean shops write it: "10,000원" (not "₩10,000"). The one formatter of money. */
export function formatWon(amount: number): string {
  return `${count.format(amount)}원`;
}

export function formatPoints(points: number): string {
  return `${count.format(points)} P`;
}

/** A change of points: "+1,000 P", "-500 P". */
export function formatSignedPoints(points: number): string {
  return `${points > 0 ? "+" : ""}${formatPoints(points)}`;
}
