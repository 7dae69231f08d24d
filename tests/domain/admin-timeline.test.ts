import { describe, expect, it } from "vitest";
import { cancelInPortOneConsole, domainSuite, paidCharge } from "../support/domain";

const suite = domainSuite();

describe("an admin's payment timeline", () => {
  it("shows the payment's own ledger entries, its refund and its outside cancellation, and no other payment's", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { requestRefund } = await import("@/lib/payments/refunds/request-refund");
    const { paymentTimeline } = await import("@/lib/admin/payments");
    const { userId, paymentId } = await paidCharge(suite, "timeline-own@example.com");
    await cancelInPortOneConsole(suite, paymentId, 5_000);
    await syncPayment(paymentId);
    expect(await requestRefund(userId, paymentId, { confirmedAmount: 5_000 })).toMatchObject({ ok: true });
    // Another charge, refunded too: none of it belongs on the first one's timeline.
    const other = await paidCharge(suite, "timeline-other@example.com");
    await requestRefund(other.userId, other.paymentId, { confirmedAmount: 10_000 });

    const timeline = await paymentTimeline(paymentId);
    expect(timeline?.payment).toMatchObject({ id: paymentId, userId, status: "REFUNDED" });
    const titles = timeline!.events.map((event) => `${event.source} ${event.title}`);
    expect(titles.filter((title) => title.startsWith("ledger"))).toEqual([
      "ledger 원장 charge +10,300 P",
      "ledger 원장 external_cancel -5,150 P",
      "ledger 원장 refund -5,150 P",
    ]);
    expect(titles).toContain("refund 외부 취소 (PortOne 콘솔·PG)");
    expect(titles).toContain("refund 환불 요청");
    expect(titles).toContain("refund 환불 완료");
  });

  it("is null for an id no payment has, and for text that is no payment id", async () => {
    const { paymentTimeline } = await import("@/lib/admin/payments");
    expect(await paymentTimeline("pc-no-such-payment")).toBeNull();
    expect(await paymentTimeline("not an id \u0000")).toBeNull();
  });
});
