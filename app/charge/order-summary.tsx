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
  return (
    <section aria-labelledby="order-summary-heading" className="rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="order-summary-heading" className="mb-2 text-lg font-bold">
        결제 정보
      </h2>
      <dl className="grid grid-cols-[6.5rem_1fr] gap-y-1.5 text-sm" data-testid="order-summary">
        <dt className="text-slate-600">충전 상품</dt>
        <dd>포인트 {formatPoints(pack.paidPoints + pack.bonusPoints)}</dd>
        <dt className="text-slate-600">충전 포인트</dt>
        <dd>{formatPoints(pack.paidPoints)}</dd>
        <dt className="text-slate-600">보너스 포인트</dt>
        <dd>{pack.bonusPoints > 0 ? `+${formatPoints(pack.bonusPoints)}` : "없음"}</dd>
        <dt className="text-slate-600">결제 수단</dt>
        <dd>{payOptionLabel ?? "선택하세요"}</dd>
        <dt className="text-slate-600">결제 금액</dt>
        <dd className="font-bold">{formatWon(pack.price)}</dd>
      </dl>
    </section>
  );
}
