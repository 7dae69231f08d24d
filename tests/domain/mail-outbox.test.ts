import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainSuite, newUser, paidCharge, payAtPortOne } from "../support/domain";
import { startSmtpReceiver } from "../support/smtp-receiver";

const suite = domainSuite();
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

beforeAll(async () => {
  // A slow server (as real ones are), so concurrent delivery runs overlap.
  smtp = await startSmtpReceiver({ delayMs: 20 });
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp?.close();
});

async function outboxRow(key: string) {
  const { db } = await import("@/db");
  const { mailOutbox } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  return db.select().from(mailOutbox).where(eq(mailOutbox.key, key));
}

/** The backoff has passed: the message is due now. */
async function letRetryFallDue(key: string) {
  const { db } = await import("@/db");
  const { mailOutbox } = await import("@/db/schema");
  const { eq, isNotNull, and, sql } = await import("drizzle-orm");
  await db
    .update(mailOutbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(and(eq(mailOutbox.key, key), isNotNull(mailOutbox.nextAttemptAt)));
}

const mailTo = (to: string, key = `test:${to}`) => ({ key, to, subject: `Hello ${to}`, text: "본문" });

async function until<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("mail outbox", () => {
  it("queues nothing when the transaction that queued it rolls back", async () => {
    const { db } = await import("@/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverQueuedMail } = await import("@/lib/mail/delivery");
    const mail = mailTo("rollback@example.com");
    await expect(
      db.transaction(async (tx) => {
        expect(await queueMail(tx, mail)).toBe(true);
        throw new Error("the work it belonged to failed");
      }),
    ).rejects.toThrow("the work it belonged to failed");

    expect(await outboxRow(mail.key)).toEqual([]);
    await deliverQueuedMail({ limit: 100 });
    expect(smtp.to(mail.to)).toEqual([]);

    // The same message queued in a transaction that commits is there.
    await db.transaction((tx) => queueMail(tx, mail));
    expect(await outboxRow(mail.key)).toHaveLength(1);
  });

  it("sends a key queued twice once, the first text", async () => {
    const { db } = await import("@/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverQueuedMail } = await import("@/lib/mail/delivery");
    const mail = mailTo("twice@example.com");
    expect(await queueMail(db, mail)).toBe(true);
    expect(await queueMail(db, { ...mail, subject: "Another subject" })).toBe(false);
    await deliverQueuedMail({ limit: 100 });
    await deliverQueuedMail({ limit: 100 });

    const received = smtp.to(mail.to);
    expect(received).toHaveLength(1);
    expect(received[0]!.raw).toContain(`Subject: ${mail.subject}`);
    const [row] = await outboxRow(mail.key);
    expect(row).toMatchObject({ attempts: 1, nextAttemptAt: null, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(received[0]!.raw).toContain(`Message-ID: <${row!.id}@pointcharge>`);
  });

  it("tries a message the SMTP server refuses again after a backoff, and sends it once it is accepted", async () => {
    const { db } = await import("@/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverQueuedMail } = await import("@/lib/mail/delivery");
    const mail = mailTo("busy@example.com");
    smtp.refuse(mail.to, 2);
    await queueMail(db, mail);

    expect(await deliverQueuedMail({ limit: 100 })).toMatchObject({ retrying: 1 });
    const [first] = await outboxRow(mail.key);
    expect(first).toMatchObject({ attempts: 1, sentAt: null });
    expect(first!.lastError).toMatch(/451|try again/);
    // Not due before its backoff (30 s after the first failure).
    const wait = first!.nextAttemptAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(20_000);
    expect(wait).toBeLessThan(40_000);
    await deliverQueuedMail({ limit: 100 });
    expect((await outboxRow(mail.key))[0]!.attempts).toBe(1);

    await letRetryFallDue(mail.key);
    expect(await deliverQueuedMail({ limit: 100 })).toMatchObject({ retrying: 1 });
    const [second] = await outboxRow(mail.key);
    // The wait doubles.
    expect(second!.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(50_000);

    await letRetryFallDue(mail.key);
    expect(await deliverQueuedMail({ limit: 100 })).toMatchObject({ sent: 1 });
    expect(smtp.to(mail.to)).toHaveLength(1);
    expect((await outboxRow(mail.key))[0]).toMatchObject({ attempts: 3, lastError: null, nextAttemptAt: null });
  });

  it("gives a message up after the last attempt, and tries it no more", async () => {
    const { db } = await import("@/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverQueuedMail, MAX_MAIL_ATTEMPTS } = await import("@/lib/mail/delivery");
    const mail = mailTo("never@example.com");
    smtp.refuse(mail.to, 1_000);
    await queueMail(db, mail);
    for (let attempt = 1; attempt < MAX_MAIL_ATTEMPTS; attempt++) {
      await deliverQueuedMail({ limit: 100 });
      await letRetryFallDue(mail.key);
    }
    expect(await deliverQueuedMail({ limit: 100 })).toMatchObject({ failed: 1 });
    const [row] = await outboxRow(mail.key);
    expect(row).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, sentAt: null, nextAttemptAt: null });
    await deliverQueuedMail({ limit: 100 });
    expect((await outboxRow(mail.key))[0]!.attempts).toBe(MAX_MAIL_ATTEMPTS);
    expect(smtp.to(mail.to)).toEqual([]);
  });

  it("sends each message exactly once when several delivery runs work at the same time", async () => {
    const { db } = await import("@/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverQueuedMail } = await import("@/lib/mail/delivery");
    const addresses = Array.from({ length: 30 }, (_, index) => `concurrent-${index}@example.com`);
    for (const address of addresses) await queueMail(db, mailTo(address));

    const runs = await Promise.all(Array.from({ length: 4 }, () => deliverQueuedMail({ limit: 10 })));
    const sent = runs.reduce((total, run) => total + run.sent, 0);
    // Four runs of ten, thirty messages: every run took some, none took one another had.
    expect(sent).toBe(30);
    expect(runs.filter((run) => run.sent > 0).length).toBeGreaterThanOrEqual(3);
    for (const address of addresses) expect(smtp.to(address), address).toHaveLength(1);
  });

  it("sends what was queued while a delivery run worked, once, when many commits ask for delivery at once", async () => {
    const { db } = await import("@/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverMailSoon } = await import("@/lib/mail/delivery");
    const first = Array.from({ length: 25 }, (_, index) => `soon-${index}@example.com`);
    for (const address of first) await queueMail(db, mailTo(address));
    // More than one run's worth, asked for by many callers; and more queued while it works.
    for (let call = 0; call < 10; call += 1) deliverMailSoon();
    const later = Array.from({ length: 5 }, (_, index) => `soon-later-${index}@example.com`);
    await until(
      () => smtp.to(first[0]!),
      (mail) => mail.length > 0,
    );
    for (const address of later) {
      await queueMail(db, mailTo(address));
      deliverMailSoon();
    }

    for (const address of [...first, ...later]) {
      const received = await until(
        () => smtp.to(address),
        (mail) => mail.length > 0,
      );
      expect(received, address).toHaveLength(1);
      // Marked sent once its run is done.
      const [row] = await until(
        () => outboxRow(`test:${address}`),
        ([stored]) => stored?.sentAt != null,
      );
      expect(row!.sentAt, address).toBeInstanceOf(Date);
    }
    expect(smtp.to(later[4]!)).toHaveLength(1);
  });

  it("queues a Korean receipt with the credit, sends it once however often the payment is synced", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const email = "receipt-buyer@example.com";
    const { paymentId } = await paidCharge(suite, email);
    await Promise.all([syncPayment(paymentId), syncPayment(paymentId)]);

    const [row] = await outboxRow(`receipt:${paymentId}`);
    expect(row).toMatchObject({ recipient: email, subject: "[PointCharge] 포인트 충전 영수증 (10,300 P)" });
    expect(row!.text).toContain("상품: 포인트 10,300P 충전");
    expect(row!.text).toContain("결제 금액: 10,000원");
    expect(row!.text).toContain("충전 포인트: 10,300 P (충전 10,000 P + 보너스 300 P)");
    expect(row!.text).toContain(`결제 번호: ${paymentId}`);
    expect(row!.text).toContain(`http://localhost:3000/payments/${paymentId}`);
    expect(row!.html).toContain(`href="http://localhost:3000/payments/${paymentId}"`);

    // Delivery starts by itself once the credit committed: nobody calls it here.
    const received = await until(
      () => smtp.to(email),
      (mail) => mail.length > 0,
    );
    expect(received).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.to(email)).toHaveLength(1);
    expect((await outboxRow(`receipt:${paymentId}`))[0]!.sentAt).toBeInstanceOf(Date);
  });

  it("writes the receipt in the language the buyer chose (users.locale), Korean when none was chosen", async () => {
    const { db } = await import("@/db");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const english = await newUser("english-receipt@example.com");
    await db.update(users).set({ locale: "en" }).where(eq(users.id, english));
    const paymentId = await payAtPortOne(suite, english, { packageId: "points-10000" });
    expect(await syncPayment(paymentId)).toMatchObject({ ok: true, status: "PAID" });

    const [row] = await outboxRow(`receipt:${paymentId}`);
    expect(row).toMatchObject({
      recipient: "english-receipt@example.com",
      subject: "[PointCharge] Points charge receipt (10,300 P)",
    });
    expect(row!.text.split("\n").slice(0, 6)).toEqual([
      "Your points charge is complete.",
      "",
      // The order's name is the payment's own, as PortOne holds it.
      "Item: 포인트 10,300P 충전",
      "Amount paid: ₩10,000",
      "Points added: 10,300 P (10,000 P charged + 300 P bonus)",
      `Payment number: ${paymentId}`,
    ]);
    // The time with its zone named, as the English pages show it.
    expect(row!.text).toMatch(/^Paid at: \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} GMT\+9$/m);
    expect(row!.text).toContain(`View the payment: http://localhost:3000/payments/${paymentId}`);
    expect(row!.html).toContain(`<a href="http://localhost:3000/payments/${paymentId}">View the payment</a>`);
    expect(row!.text + row!.html).not.toMatch(/충전이 완료|결제 금액|영수증/);

    // A Korean buyer's receipt stays as it was: the Korean words, the time without a zone.
    const { paymentId: korean } = await paidCharge(suite, "korean-receipt@example.com");
    const [koreanRow] = await outboxRow(`receipt:${korean}`);
    expect(koreanRow!.subject).toBe("[PointCharge] 포인트 충전 영수증 (10,300 P)");
    expect(koreanRow!.text.split("\n")[0]).toBe("포인트 충전이 완료되었습니다.");
    expect(koreanRow!.text).toMatch(/^결제 일시: \d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2}$/m);
    expect(koreanRow!.text).toContain("이 메일은 발신 전용입니다.");
  });

  it("states a dollar charge's amount in dollars, to the cent", async () => {
    const { db } = await import("@/db");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const buyer = await newUser("dollar-receipt@example.com");
    await db.update(users).set({ locale: "en" }).where(eq(users.id, buyer));
    const paymentId = await payAtPortOne(suite, buyer, { packageId: "points-10000", payOptionId: "card_usd" });
    expect(await syncPayment(paymentId)).toMatchObject({ ok: true, status: "PAID" });
    const [row] = await outboxRow(`receipt:${paymentId}`);
    expect(row!.text).toContain("Amount paid: $7.99\n");
    expect(row!.html).toContain("<td>$7.99</td>");
  });

  it("charges as usual when the mail server refuses, and queues no receipt for an account without a mailbox", async () => {
    const { syncPayment } = await import("@/lib/payments/sync/sync-payment");
    const email = "refused-receipt@example.com";
    smtp.refuse(email, 1_000);
    const { paymentId } = await paidCharge(suite, email);
    const [row] = await until(
      () => outboxRow(`receipt:${paymentId}`),
      (rows) => (rows[0]?.attempts ?? 0) > 0 && rows[0]?.lastError !== null,
    );
    expect(row).toMatchObject({ attempts: 1, sentAt: null });

    const placeholder = await newUser("kakao-4242@users.noreply.invalid");
    const unmailed = await payAtPortOne(suite, placeholder);
    expect(await syncPayment(unmailed)).toMatchObject({ ok: true, status: "PAID" });
    expect(await outboxRow(`receipt:${unmailed}`)).toEqual([]);
  });

  it("reconciliation sends what a crash between the commit and the delivery left queued", async () => {
    const { db } = await import("@/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { reconcile } = await import("@/lib/payments/reconcile");
    const mail = mailTo("left-behind@example.com");
    // Queued and committed, and then the process ended before delivery started.
    await queueMail(db, mail);

    const summary = await reconcile();
    expect(summary.mail.sent).toBeGreaterThanOrEqual(1);
    expect(smtp.to(mail.to)).toHaveLength(1);
    expect((await outboxRow(mail.key))[0]!.sentAt).toBeInstanceOf(Date);
  });
});
