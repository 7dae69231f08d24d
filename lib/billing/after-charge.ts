import "server-only";
import { scheduleMonthlyCharge } from "./monthly";
import { settleAutoCharge } from "./settle-auto-charge";

/**
 * Once an automatic charge has ended: counts it against its rule and, after a monthly rule's
 * success, schedules its next month. Every path that sees a charge end calls this.
 */
export async function afterAutoChargeEnded(paymentId: string): Promise<void> {
  const { scheduleNext } = await settleAutoCharge(paymentId);
  if (scheduleNext) await scheduleMonthlyCharge(scheduleNext);
}
