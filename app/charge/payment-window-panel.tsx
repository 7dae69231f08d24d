"use client";

import { Spinner } from "@/app/_components/form-controls";

/**
 * Shown while PortOne's window is open, in place of the pay button: where to look, and a way
 * out. With a popup, the buyer may have lost it behind this window; a window that does not
 * answer for a while (it failed to load, the buyer walked away) is explained, not hidden.
 */
export function PaymentWindowPanel({
  hasPopup,
  slow,
  onShowPopup,
  onCancel,
}: {
  hasPopup: boolean;
  slow: boolean;
  onShowPopup: () => void;
  onCancel: () => void;
}) {
  return (
    <section
      aria-labelledby="payment-window-title"
      className="space-y-3 rounded-xl border border-brand-100 bg-brand-50 p-4"
      data-testid="payment-window-panel"
    >
      <h2 id="payment-window-title" className="flex items-center gap-2 font-bold text-brand-700">
        <Spinner />
        {hasPopup ? "새 창에서 결제를 진행해 주세요" : "결제창에서 결제를 진행해 주세요"}
      </h2>
      <p role="status" className="text-sm text-slate-700">
        {hasPopup
          ? "PortOne 결제창이 새 창(팝업)으로 열려 있습니다. 결제를 마치면 이 화면에 결과가 표시됩니다."
          : "결제를 마치면 이 화면에 결과가 표시됩니다."}
        {slow
          ? " 결제창에서 아직 응답이 없습니다. 창이 보이지 않거나 멈춰 있다면 결제를 취소하고 다시 시도해 주세요. 취소해도 이미 완료된 결제는 확인되는 대로 적립됩니다."
          : null}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        {hasPopup ? (
          <button
            type="button"
            onClick={onShowPopup}
            className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            결제창 보기
          </button>
        ) : null}
        <button
          type="button"
          onClick={onCancel}
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50"
        >
          결제 취소
        </button>
      </div>
    </section>
  );
}
