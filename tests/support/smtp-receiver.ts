import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The message as it came over the wire: headers and MIME body. */
  raw: string;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package), so the app's nodemailer
 * transport talks SMTP over TCP exactly as to a provider's server. It can refuse the next
 * messages to an address with a temporary error (451), as a busy server does, and answer slowly.
 */
export async function startSmtpReceiver({ delayMs = 0 } = {}) {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        const refused = to.find((address) => (refusals.get(address) ?? 0) > 0);
        setTimeout(() => {
          if (refused) {
            refusals.set(refused, refusals.get(refused)! - 1);
            callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
            return;
          }
          received.push({ to, raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        }, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** Messages accepted for `address`. */
    to: (address: string) => received.filter((mail) => mail.to.includes(address)),
    /** The next `times` messages to `address` are refused with 451. */
    refuse(address: string, times: number) {
      refusals.set(address, times);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
