import type { getTranslations } from "next-intl/server";
import type { PointEntryKind } from "@/db/schema";

export type LedgerTranslator = Awaited<ReturnType<typeof getTranslations<"ledger">>>;

/** What a ledger row says it was for: its kind, the item, order or payment, and where to see it. */
export function describeEntry(
  entry: {
    kind: PointEntryKind;
    reference: string;
    memo: string | null;
    paymentId: string | null;
    orderName: string | null;
    paidDelta?: number;
  },
  t: LedgerTranslator,
): { label: string; detail: string | null; source: string | null; href: string | null } {
  const href = entry.paymentId ? `/payments/${encodeURIComponent(entry.paymentId)}` : null;
  const label = t(`kinds.${entry.kind}`);
  switch (entry.kind) {
    case "spend":
      // Shop orders are "shop-<uuid>"; service-API orders "api-<Idempotency-Key>", the host's order id.
      return {
        label,
        detail: entry.memo,
        source: entry.reference.startsWith("api-") ? t("orderNumber", { order: entry.reference.slice(4) }) : t("shop"),
        href: null,
      };
    case "refund":
      return entry.reference.endsWith(":reversal")
        ? { label: t("refundFailed"), detail: t("pointsReturned"), source: entry.orderName, href }
        : { label, detail: entry.orderName, source: null, href };
    case "adjust":
      return { label, detail: entry.memo, source: null, href: null };
    case "expire":
      // Expired paid points are money the buyer paid: they are owed back (README "Points validity").
      return entry.paidDelta
        ? { label, detail: t("paidPoints"), source: t("expiredPaidRefund"), href: null }
        : { label, detail: t("bonusPoints"), source: null, href: null };
    default:
      return { label, detail: entry.orderName, source: null, href };
  }
}
