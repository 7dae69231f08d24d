import { getTranslations } from "next-intl/server";
import { getFormatters } from "@/lib/i18n/server";
import type { RefundDestination } from "./refund-timing";

/**
 * What became of the user's latest refund, from the database (so it survives a reload): done,
 * still with the PG (PortOne answered that it carries the cancel out later), or refused.
 */
export async function RefundOutcome({
  refund,
  destination,
}: {
  refund: { amount: number; currency: string; status: "REQUESTED" | "COMPLETED" | "FAILED" };
  destination: RefundDestination;
}) {
  const [t, format] = await Promise.all([getTranslations("refund"), getFormatters()]);
  const amount = format.money(refund.amount, refund.currency);
  if (refund.status === "FAILED")
    return (
      <p role="status" data-testid="refund-outcome" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
        {t("failedAtPg", { amount })}
      </p>
    );
  const done = refund.status === "COMPLETED";
  return (
    <div
      role="status"
      data-testid="refund-outcome"
      className={`space-y-1 rounded-lg px-3 py-2 text-sm ${done ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
    >
      <p className="font-semibold">{t(done ? "completed" : "processingAtPg", { amount })}</p>
      <p>{t("destination", { method: destination.method, timing: destination.timing })}</p>
    </div>
  );
}
