import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { createCaptureMailer } from "./capture-mailer";
import type { Mailer } from "./mailer";
import { createSmtpMailer } from "./smtp-mailer";

let mailer: Mailer | undefined;

/** The sender named in every message. */
export function mailFrom(): string {
  return env.MAIL_FROM ?? `PointCharge <no-reply@${new URL(env.APP_URL).hostname}>`;
}

/** SMTP when SMTP_URL is set, otherwise files in MAIL_CAPTURE_DIR; one per process. */
export function configuredMailer(): Mailer {
  if (mailer) return mailer;
  if (env.SMTP_URL) {
    mailer = createSmtpMailer(env.SMTP_URL, mailFrom());
  } else {
    // Fine for development and tests; a real shop that forgot SMTP_URL should hear about it.
    if (env.NODE_ENV === "production")
      log.warn({ dir: env.MAIL_CAPTURE_DIR }, "SMTP_URL is not set: mail is written to files, not sent");
    mailer = createCaptureMailer(env.MAIL_CAPTURE_DIR);
  }
  return mailer;
}
