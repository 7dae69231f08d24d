import { formatPoints, formatWon } from "@/lib/format";

interface ChosenPackage {
  price: number;
  paidPoints: number;
  bonusPoints: number;
}

/** What the buyer is about to pay, said once before the pay button: package, points, bonus, amount and method. */
export function OrderSummary({
  pack,
  payOptionLabel,
}: {
  pack: ChosenPackage | undefined;
  payOptionLabel: string | undefined;
}) {
  if (!pack) return null;
  const rows: [string, string][] = [
    ["충전 상품", `포인트 ${formatPoints(pack.paidPoints + pack.bonusPoints)}`],
    ["충전 포인트", formatPoints(pack.paidPoints)],
    ["보너스 포인트", pack.bonusPoints > 0 ? `+${formatPoints(pack.bonusPoints)}` : "없음"],
    ["결제 수단", payOptionLabel ?? "선택하세요"],
    ["결제 금액", formatWon(pack.price)],
  ];
  return (
    <section aria-labelledby="order-summary-heading" className="rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="order-summary-heading" className="mb-2 text-lg font-bold">
        결제 정보
      </h2>
      {/* A column of label and value on a phone, one row of five on a PC. */}
      <dl className="grid gap-y-1.5 text-sm sm:grid-cols-5 sm:gap-x-4" data-testid="order-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[6.5rem_1fr] sm:block">
            <dt className="text-slate-600">{label}</dt>
            <dd className={label === "결제 금액" ? "font-bold" : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
