import { formatWon } from "@/lib/format";
import type { RefundDestination } from "./refund-timing";

/**
 * What became of the user's latest refund, from the database (so it survives a reload): done,
 * still with the PG (PortOne answered that it carries the cancel out later), or refused.
 */
export function RefundOutcome({
  refund,
  destination,
}: {
  refund: { amount: number; status: "REQUESTED" | "COMPLETED" | "FAILED" };
  destination: RefundDestination;
}) {
  const amount = formatWon(refund.amount);
  if (refund.status === "FAILED")
    return (
      <p role="status" data-testid="refund-outcome" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
        {amount} 환불을 결제사에서 처리하지 못했습니다. 회수했던 포인트는 돌려드렸습니다.
      </p>
    );
  const done = refund.status === "COMPLETED";
  return (
    <div
      role="status"
      data-testid="refund-outcome"
      className={`space-y-1 rounded-lg px-3 py-2 text-sm ${done ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
    >
      <p className="font-semibold">
        {done ? `${amount} 환불이 완료되었습니다.` : `${amount} 환불을 결제사에서 처리하고 있습니다.`}
      </p>
      <p>
        {destination.method}: {destination.timing}
      </p>
    </div>
  );
}
