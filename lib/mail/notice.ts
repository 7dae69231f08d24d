import "server-only";
import { queueMailToUser, type MailExecutor, type MailInLanguage } from "./outbox";

/**
 * Queues a notice to a user (e.g. an automatic charge and its outcome), in the caller's
 * transaction; `key` names the event (e.g. `auto-charge:<paymentId>`) so it is queued once. The
 * address and language are the user's own, read when queued; `compose` writes the notice in a
 * language. Users without a mailbox get none. After the transaction commits, call
 * deliverMailSoon() (delivery.ts). True when it was queued.
 */
export function queueNotice(
  executor: MailExecutor,
  notice: { userId: string; key: string; compose: MailInLanguage },
): Promise<boolean> {
  return queueMailToUser(executor, notice.userId, notice.key, notice.compose);
}
