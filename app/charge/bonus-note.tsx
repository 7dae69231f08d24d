import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";
import { configuredValidity } from "@/lib/points/configured-validity";
import { describeValidity } from "@/lib/points/validity";

/** What bonus points are, how long each kind stays usable, and what a refund does with them (README "Refunds"). */
export function BonusNote() {
  const validity = configuredValidity();
  return (
    <div className="space-y-1 rounded-lg bg-slate-50 px-3 py-2 text-xs leading-relaxed text-slate-600">
      <p data-testid="bonus-note">
        <strong className="text-slate-800">보너스 포인트</strong>는 결제 금액과 별도로 더 드리는 포인트로, 쓸 때 먼저
        차감됩니다. 환불은 결제 후 {REFUND_WINDOW_DAYS}일 안에 사용하지 않은 충전 포인트만큼 돈으로 돌려드리며, 보너스
        포인트는 돈으로 돌려드리지 않고 환불하는 비율만큼 함께 회수됩니다.
      </p>
      <p data-testid="validity-note">
        <strong className="text-slate-800">유효기간</strong>: 충전 포인트 {describeValidity(validity.paidDays)}, 보너스
        포인트 {describeValidity(validity.bonusDays)} (적립일부터). 유효기간이 끝나 소멸한 충전 포인트는 결제하신
        금액이므로 고객센터에서 환불해 드립니다.
      </p>
    </div>
  );
}
