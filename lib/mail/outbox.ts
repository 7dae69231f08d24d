import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import type { Locale } from "@/lib/i18n/locales";
import { mailOutbox, users } from "@/db/schema";
import type { Transaction } from "@/lib/points/ledger";
import type { OutgoingMail } from "./mailer";

/** The database or the caller's transaction: queued mail commits (or rolls back) with the caller's work. */
export type MailExecutor = Database | Transaction;

export interface QueuedMail extends Omit<OutgoingMail, "messageId"> {
  /** Unique per message, e.g. `receipt:<paymentId>`: queueing the same key again does nothing. */
  key: string;
}

/**
 * Queues a message in the outbox; true when it was new. Nothing is sent here: once the caller's
 * transaction has committed it calls deliverMailSoon() (delivery.ts), and reconciliation sends
 * whatever a crash in between left behind.
 */
export async function queueMail(executor: MailExecutor, mail: QueuedMail): Promise<boolean> {
  const inserted = await executor
    .insert(mailOutbox)
    .values({ key: mail.key, recipient: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null })
    .onConflictDoNothing({ target: mailOutbox.key })
    .returning({ id: mailOutbox.id });
  return inserted.length > 0;
}

// OAuth accounts whose provider vouched for no address get one under this reserved domain
// (lib/auth/oauth-identity.ts): they have no mailbox, so nothing is queued for them.
const NO_MAILBOX = "%.invalid";

/** A message's subject and bodies, written in the language asked for. */
export type MailInLanguage = (locale: Locale) => Omit<QueuedMail, "to" | "key">;

/**
 * Queues a message to a user's address and in their language (`users.locale`, Korean when unset),
 * both read in the same statement (no round trip of its own): the message is written in every
 * language and the statement keeps the user's. False when the key was queued before or the user
 * has no address to write to.
 */
export async function queueMailToUser(
  executor: MailExecutor,
  userId: string,
  key: string,
  compose: MailInLanguage,
): Promise<boolean> {
  const ko = compose("ko");
  const en = compose("en");
  const inTheirLanguage = (korean: string | null, english: string | null) =>
    sql`case when ${users.locale} = 'en' then ${english}::text else ${korean}::text end`;
  const inserted = await executor.execute(sql`
    insert into ${mailOutbox} (key, recipient, subject, text, html)
    select ${key}::text, ${users.email}, ${inTheirLanguage(ko.subject, en.subject)},
      ${inTheirLanguage(ko.text, en.text)}, ${inTheirLanguage(ko.html ?? null, en.html ?? null)}
    from ${users} where ${users.id} = ${userId} and ${users.email} not like ${NO_MAILBOX}
    on conflict (key) do nothing
    returning id`);
  return inserted.length > 0;
}
