import "server-only";
import { deliverMailSoon } from "@/lib/mail/delivery";
import { scheduleMonthlyCharge } from "./monthly";
import { settleAutoCharge } from "./settle-auto-charge";

/**
 * Once an automatic charge has ended: counts it against its rule (a pause's e-mail sent after the
 * commit) and, after a monthly rule's success, schedules its next month. Every path that sees a charge end calls this.
 */
export async function afterAutoChargeEnded(paymentId: string): Promise<void> {
  const { scheduleNext, notified } = await settleAutoCharge(paymentId);
  if (notified) deliverMailSoon();
  if (scheduleNext) await scheduleMonthlyCharge(scheduleNext);
}
