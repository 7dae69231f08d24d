import "server-only";
import { findOwnPayment, type PaymentView } from "./queries";
import { syncPayment } from "./sync";
import { FINAL_STATUSES } from "./transitions";

/**
 * The owner's payment, synced with PortOne first unless it is already final. A sync that fails
 * (PortOne slow or down) still shows the last known state; the page keeps checking.
 */
export async function loadOwnPaymentFresh(userId: string, paymentId: string): Promise<PaymentView | null> {
  const known = await findOwnPayment(userId, paymentId);
  if (!known || FINAL_STATUSES.includes(known.status)) return known;
  try {
    await syncPayment(paymentId);
  } catch (error) {
    console.error(`sync of ${paymentId} failed`, error);
    return known;
  }
  return findOwnPayment(userId, paymentId);
}
