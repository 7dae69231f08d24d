import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { domainSuite, paidCharge } from "../support/domain";

const suite = domainSuite();

/** The messages written to MAIL_CAPTURE_DIR for `to`, waiting up to `timeoutMs` for the first. */
async function capturedFor(to: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(suite.mailDir)).filter((name) => name.endsWith(".json"));
    const mails = await Promise.all(
      names.map(async (name) => JSON.parse(await readFile(path.join(suite.mailDir, name), "utf8")) as { to: string }),
    );
    const found = mails.filter((mail) => mail.to === to);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("mail without an SMTP server", () => {
  it("writes the receipt of a charge as a JSON file into MAIL_CAPTURE_DIR, once", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const { deliverQueuedMail } = await import("@/lib/mail/delivery");
    const email = "captured-buyer@example.com";
    const { paymentId } = await paidCharge(suite, email);

    const [mail, ...more] = await capturedFor(email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      to: email,
      subject: "[PointCharge] 포인트 충전 영수증 (10,300 P)",
      text: expect.stringContaining(`결제 번호: ${paymentId}`),
      html: expect.stringContaining("<table>"),
      messageId: expect.stringMatching(/^<[0-9a-f-]{36}@pointcharge>$/),
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    await syncPayment(paymentId);
    await deliverQueuedMail();
    expect(await capturedFor(email)).toHaveLength(1);
  });

  it("makes the folder when it is missing, also when it was removed after an earlier message", async () => {
    const { mkdtemp, rm } = await import("node:fs/promises");
    const os = await import("node:os");
    const { createCaptureMailer } = await import("@/lib/mail/capture-mailer");
    const root = await mkdtemp(path.join(os.tmpdir(), "capture-"));
    const dir = path.join(root, "not", "yet");
    const mailer = createCaptureMailer(dir);
    const mail = { to: "folder@example.com", subject: "제목", text: "본문" };
    await mailer.send(mail);
    await rm(dir, { recursive: true });
    await mailer.send(mail);
    expect((await readdir(dir)).filter((name) => name.endsWith(".json"))).toHaveLength(1);
    await rm(root, { recursive: true });
  });
});
