import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Mailer } from "./mailer";

/** What a captured message's file holds (one JSON file per message sent). */
export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  sentAt: string;
}

/**
 * Without an SMTP server (development, tests), each message becomes a JSON file in `dir`, one per
 * send, so a message sent twice shows as two files. Written under a temporary name and renamed,
 * so a reader never sees half a message.
 */
export function createCaptureMailer(dir: string): Mailer {
  return {
    async send(mail) {
      const sentAt = new Date().toISOString();
      const captured: CapturedMail = {
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        messageId: mail.messageId ?? null,
        sentAt,
      };
      const name = `${sentAt.replace(/[:.]/g, "-")}-${randomUUID()}`;
      const partial = path.join(dir, `.${name}.tmp`);
      const content = `${JSON.stringify(captured, null, 2)}\n`;
      // The folder is made when the first message finds it missing, not checked before every one.
      await writeFile(partial, content, { mode: 0o600 }).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        await mkdir(dir, { recursive: true });
        await writeFile(partial, content, { mode: 0o600 });
      });
      await rename(partial, path.join(dir, `${name}.json`));
    },
  };
}
