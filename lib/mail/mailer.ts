/** One e-mail as the app sends it: plain text always, HTML optionally. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * The same for every attempt at one outbox row: a message sent again after its acknowledgement
   * was lost carries the Message-ID of the first, so mail clients show it once.
   */
  messageId?: string;
}

/** Where mail goes: an SMTP server (smtp-mailer.ts) or, without one, files (capture-mailer.ts). */
export interface Mailer {
  /** Resolves once the message was accepted; rejects when it was not (the outbox tries again). */
  send(mail: OutgoingMail): Promise<void>;
}
