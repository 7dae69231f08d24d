import "server-only";
import { desc } from "drizzle-orm";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";

export type MailState = "sent" | "pending" | "failed";

const OUTBOX_LIMIT = 100;

/** The newest messages of the outbox with where each stands: for an operator asked "did my receipt go out?". */
export async function recentMail() {
  const rows = await db
    .select({
      id: mailOutbox.id,
      key: mailOutbox.key,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastError: mailOutbox.lastError,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(OUTBOX_LIMIT);
  return rows.map((row) => ({
    ...row,
    // No next attempt and not sent: delivery gave up (lib/mail/delivery.ts).
    state: (row.sentAt ? "sent" : row.nextAttemptAt ? "pending" : "failed") as MailState,
  }));
}
