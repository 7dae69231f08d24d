import "server-only";
import { queueMailToUser, type MailExecutor } from "./outbox";

/**
 * Queues a notice to a user (e.g. an automatic charge and its outcome), in the caller's
 * transaction; `key` names the event (e.g. `auto-charge:<paymentId>`) so it is queued once. The
 * address is the user's own, read when queued; users without a mailbox get none. After the
 * transaction commits, call deliverMailSoon() (delivery.ts). True when it was queued.
 */
export function queueNotice(
  executor: MailExecutor,
  notice: { userId: string; key: string; subject: string; text: string; html?: string },
): Promise<boolean> {
  const { userId, ...mail } = notice;
  return queueMailToUser(executor, userId, mail);
}
