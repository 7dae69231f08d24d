import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { E2E_MAIL_CAPTURE_DIR } from "./stack-urls";

/** One message as the app's capture mailer writes it (lib/mail/capture-mailer.ts). */
export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  sentAt: string;
}

/** Every message the test stack's app has written for `to` so far (no SMTP server runs in the stack). */
export async function capturedMailTo(to: string): Promise<CapturedMail[]> {
  const names = await readdir(E2E_MAIL_CAPTURE_DIR).catch(() => [] as string[]);
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map(async (name) => JSON.parse(await readFile(path.join(E2E_MAIL_CAPTURE_DIR, name), "utf8")) as CapturedMail),
  );
  return mails.filter((mail) => mail.to === to);
}
