import "server-only";
import { paymentProvider } from "@/lib/portone/select-provider";
import { findOwnPayment } from "../queries";
import { syncPayment } from "../sync/sync-payment";
import type { PaymentStatus } from "../sync/transitions";

export type CloseDepositRefusal = "not_found" | "not_waiting";

export type CloseDepositResult = { ok: true; status: PaymentStatus } | { ok: false; code: CloseDepositRefusal };

/**
 * The owner gives up on an issued virtual account (to pay another way): PortOne closes it, then
 * syncPayment records what PortOne now says. A deposit that arrived just before still wins: the
 * close is then refused as "not waiting for deposit" and the sync credits the points.
 */
export async function closeWaitingDeposit(userId: string, paymentId: string): Promise<CloseDepositResult> {
  const payment = await findOwnPayment(userId, paymentId);
  if (!payment) return { ok: false, code: "not_found" };
  if (payment.status !== "VIRTUAL_ACCOUNT_ISSUED") return { ok: false, code: "not_waiting" };
  await paymentProvider.closeVirtualAccount(paymentId);
  const synced = await syncPayment(paymentId);
  return synced.ok ? { ok: true, status: synced.status } : { ok: false, code: "not_found" };
}
