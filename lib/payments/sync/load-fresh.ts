import "server-only";
import { findOwnPayment, type PaymentView } from "../queries";
import { syncPayment } from "./sync-payment";
import { FINAL_STATUSES } from "./transitions";
import { log } from "@/lib/observability/log";
import { withIncomingRequestId } from "@/lib/observability/request-id";

/**
 * The owner's payment, synced with PortOne first unless it is already final. A sync that fails
 * (PortOne slow or down) still shows the last known state; the page keeps checking. `changed`
 * tells the page that the layout (header balance), rendered alongside, may show the old state.
 *
 * `buyerReturned`: the buyer is looking at our page, not at PortOne's window, so a window PortOne
 * never saw completed (no payment, or only READY) is over and expires now rather than after the
 * reconciler's 30 minutes. Safe: money that still arrives later is credited by the same sync.
 */
export async function loadOwnPaymentFresh(
  userId: string,
  paymentId: string,
  { buyerReturned = false }: { buyerReturned?: boolean } = {},
): Promise<{ payment: PaymentView; changed: boolean } | null> {
  return withIncomingRequestId(() => loadFresh(userId, paymentId, buyerReturned));
}

async function loadFresh(userId: string, paymentId: string, buyerReturned: boolean) {
  const known = await findOwnPayment(userId, paymentId);
  if (!known) return null;
  if (FINAL_STATUSES.includes(known.status)) return { payment: known, changed: false };
  try {
    await syncPayment(paymentId, { abandoned: buyerReturned });
  } catch (error) {
    log.warn({ paymentId, err: error }, "payment sync failed; showing the last known state");
    return { payment: known, changed: false };
  }
  const fresh = (await findOwnPayment(userId, paymentId)) ?? known;
  return { payment: fresh, changed: fresh.status !== known.status };
}
