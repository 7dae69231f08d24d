import type { PointEntryKind } from "@/db/schema";

const KIND_LABELS: Record<PointEntryKind, string> = {
  charge: "충전",
  spend: "사용",
  refund: "환불",
  external_cancel: "결제 취소",
  adjust: "조정",
  expire: "유효기간 만료",
};

/** What a ledger row says it was for: its kind, the item, order or payment, and where to see it. */
export function describeEntry(entry: {
  kind: PointEntryKind;
  reference: string;
  memo: string | null;
  paymentId: string | null;
  orderName: string | null;
  paidDelta?: number;
}): { label: string; detail: string | null; source: string | null; href: string | null } {
  const href = entry.paymentId ? `/payments/${encodeURIComponent(entry.paymentId)}` : null;
  switch (entry.kind) {
    case "spend":
      // Shop orders are "shop-<uuid>"; service-API orders "api-<Idempotency-Key>", the host's order id.
      return {
        label: KIND_LABELS.spend,
        detail: entry.memo,
        source: entry.reference.startsWith("api-") ? `주문번호 ${entry.reference.slice(4)}` : "포인트 샵",
        href: null,
      };
    case "refund":
      return entry.reference.endsWith(":reversal")
        ? { label: "환불 실패", detail: "포인트를 돌려드렸습니다", source: entry.orderName, href }
        : { label: KIND_LABELS.refund, detail: entry.orderName, source: null, href };
    case "adjust":
      return { label: KIND_LABELS.adjust, detail: entry.memo, source: null, href: null };
    case "expire":
      // Expired paid points are money the buyer paid: they are owed back (README "Points validity").
      return entry.paidDelta
        ? {
            label: KIND_LABELS.expire,
            detail: "충전 포인트",
            source: "고객센터에서 결제 금액으로 환불해 드립니다",
            href: null,
          }
        : { label: KIND_LABELS.expire, detail: "보너스 포인트", source: null, href: null };
    default:
      return { label: KIND_LABELS[entry.kind], detail: entry.orderName, source: null, href };
  }
}
