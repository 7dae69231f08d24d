import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { payments } from "@/db/schema";
import type { PortOnePayment } from "@/lib/portone/payments";
import { paymentProvider } from "@/lib/portone/select-provider";
import { log } from "@/lib/observability/log";

export interface Release {
  /** PortOne confirmed it holds none of the customer's money for this payment. */
  released: boolean;
  /** What was asked of PortOne this time. */
  action: "cancelled" | "account_closed" | "none";
  /** PortOne's status after it. */
  portoneStatus: PortOnePayment["status"] | "NOT_FOUND";
}

const HOLDS_MONEY: readonly PortOnePayment["status"][] = ["PAID", "PARTIAL_CANCELLED", "VIRTUAL_ACCOUNT_ISSUED"];
// Money may still be on its way: wait, and look again next time.
const UNSETTLED: readonly PortOnePayment["status"][] = ["PAY_PENDING", "UNKNOWN"];

/**
 * A REJECTED payment must not keep the customer's money: cancel what PortOne still holds (or close
 * the account before a deposit), then ask PortOne again, and note the release only once PortOne
 * confirms it. Until then the payment stays on reconciliation's list, so a cancel that failed,
 * timed out or never ran (a crash after the rejection committed) is tried again.
 * `known`: PortOne's record as just fetched, when the caller has it.
 */
export async function releaseRejectedPayment(paymentId: string, known?: PortOnePayment | null): Promise<Release> {
  let remote = known === undefined ? await paymentProvider.fetchPayment(paymentId) : known;
  let action: Release["action"] = "none";
  if (remote && HOLDS_MONEY.includes(remote.status) && !remote.cancellationInProgress) {
    if (remote.status === "VIRTUAL_ACCOUNT_ISSUED") {
      await paymentProvider.closeVirtualAccount(paymentId);
      action = "account_closed";
    } else {
      await paymentProvider.cancelRejectedPayment(paymentId, "결제 검증 실패로 자동 취소되었습니다.");
      action = "cancelled";
    }
    remote = await paymentProvider.fetchPayment(paymentId);
  }
  const portoneStatus = remote?.status ?? "NOT_FOUND";
  const released = !remote || (!HOLDS_MONEY.includes(remote.status) && !UNSETTLED.includes(remote.status));
  if (released) {
    await db
      .update(payments)
      .set({ releasedAt: new Date() })
      .where(and(eq(payments.id, paymentId), eq(payments.status, "REJECTED"), isNull(payments.releasedAt)));
  }
  log.info({ paymentId, action, released, portoneStatus }, "rejected payment release");
  return { released, action, portoneStatus };
}
