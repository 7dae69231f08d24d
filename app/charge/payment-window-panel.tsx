"use client";

import { useTranslations } from "next-intl";
import { Spinner } from "@/app/_components/form-controls";

/**
 * Shown while PortOne's window is open, in place of the pay button: where to look, and a way
 * out. With a popup, the buyer may have lost it behind this window; a window that does not
 * answer for a while (it failed to load, the buyer walked away) is explained, not hidden.
 */
export function PaymentWindowPanel({
  hasPopup,
  pgButton,
  slow,
  onShowPopup,
  onCancel,
}: {
  hasPopup: boolean;
  /** The PG's button (PayPal's) is shown below and opens its window once pressed. */
  pgButton: boolean;
  slow: boolean;
  onShowPopup: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("paymentWindow");
  const shown = hasPopup ? "Popup" : pgButton ? "Button" : "Frame";
  return (
    <section
      aria-labelledby="payment-window-title"
      className="space-y-3 rounded-xl border border-brand-100 bg-brand-50 p-4"
      data-testid="payment-window-panel"
    >
      <h2 id="payment-window-title" className="flex items-center gap-2 font-bold text-brand-700">
        <Spinner />
        {t(`title${shown}`)}
      </h2>
      <p role="status" className="text-sm text-slate-700">
        {t(`note${shown}`)}
        {slow ? ` ${t("slow")}` : null}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        {hasPopup ? (
          <button
            type="button"
            onClick={onShowPopup}
            className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            {t("showWindow")}
          </button>
        ) : null}
        <button
          type="button"
          onClick={onCancel}
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50"
        >
          {t("cancel")}
        </button>
      </div>
    </section>
  );
}
