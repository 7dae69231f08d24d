import { describe, expect, it } from "vitest";
import { domainSuite } from "../support/domain";

domainSuite();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

async function seed(rows: {
  signInAttempts?: Date[];
  webhookEvents?: Date[];
  idempotencyKeys?: Date[];
  mail?: Date[];
  tag: string;
}): Promise<void> {
  const { db } = await import("@/db");
  const { idempotencyKeys, mailOutbox, signInAttempts, webhookEvents } = await import("@/db/schema");
  const mail = rows.mail ?? [];
  if (mail.length > 0)
    await db.insert(mailOutbox).values(
      mail.map((createdAt, i) => ({
        key: `${rows.tag}-mail-${i}`,
        recipient: "buyer@example.com",
        subject: "영수증",
        text: "x",
        createdAt,
        sentAt: createdAt,
      })),
    );
  const attempts = rows.signInAttempts ?? [];
  const webhooks = rows.webhookEvents ?? [];
  const keys = rows.idempotencyKeys ?? [];
  if (attempts.length > 0)
    await db.insert(signInAttempts).values(
      attempts.map((attemptedAt, i) => ({
        email: `${rows.tag}-${i}@example.com`,
        ipAddress: "203.0.113.9",
        succeeded: false,
        attemptedAt,
      })),
    );
  if (webhooks.length > 0)
    await db.insert(webhookEvents).values(
      webhooks.map((receivedAt, i) => ({
        webhookId: `${rows.tag}-wh-${i}`,
        type: "Transaction.Paid",
        outcome: "processed",
        receivedAt,
      })),
    );
  if (keys.length > 0)
    await db.insert(idempotencyKeys).values(
      keys.map((createdAt, i) => ({
        key: `${rows.tag}-key-${i}`,
        requestHash: "x",
        responseStatus: 200,
        responseBody: {},
        createdAt,
      })),
    );
}

/** The ages (in whole hours) of the rows left, per table, oldest first. */
async function agesLeft() {
  const { db } = await import("@/db");
  const { idempotencyKeys, mailOutbox, signInAttempts, webhookEvents } = await import("@/db/schema");
  const hours = (dates: Date[]) =>
    dates.map((date) => Math.round((Date.now() - date.getTime()) / HOUR)).sort((a, b) => b - a);
  return {
    signInAttempts: hours(
      (await db.select({ at: signInAttempts.attemptedAt }).from(signInAttempts)).map((row) => row.at),
    ),
    webhookEvents: hours((await db.select({ at: webhookEvents.receivedAt }).from(webhookEvents)).map((row) => row.at)),
    idempotencyKeys: hours(
      (await db.select({ at: idempotencyKeys.createdAt }).from(idempotencyKeys)).map((row) => row.at),
    ),
    mail: hours((await db.select({ at: mailOutbox.createdAt }).from(mailOutbox)).map((row) => row.at)),
  };
}

describe("retention", () => {
  it("reconciliation deletes what is past its retention, keeps the rest, and counts it in its summary", async () => {
    const { reconcile } = await import("@/lib/payments/reconcile");
    // Defaults: sign-in attempts 7 days, webhook records 90 days, idempotency keys 7 days, mail 90 days.
    await seed({
      tag: "defaults",
      signInAttempts: [ago(10 * DAY), ago(7 * DAY + HOUR), ago(7 * DAY - HOUR), ago(HOUR)],
      webhookEvents: [ago(200 * DAY), ago(90 * DAY + HOUR), ago(90 * DAY - HOUR), ago(DAY)],
      idempotencyKeys: [ago(30 * DAY), ago(7 * DAY + HOUR), ago(7 * DAY - HOUR), ago(23 * HOUR), ago(HOUR)],
      mail: [ago(91 * DAY), ago(89 * DAY)],
    });

    const summary = await reconcile();
    expect(summary.errors).toEqual([]);
    expect(summary.retention).toEqual({
      deleted: { signInAttempts: 2, webhookEvents: 2, idempotencyKeys: 2, mail: 1 },
      more: false,
      skipped: false,
    });
    expect(await agesLeft()).toEqual({
      signInAttempts: [7 * 24 - 1, 1],
      webhookEvents: [90 * 24 - 1, 24],
      // Every key younger than a day is kept, whatever the setting.
      idempotencyKeys: [7 * 24 - 1, 23, 1],
      mail: [89 * 24],
    });

    // A second run finds nothing more to delete.
    expect((await reconcile()).retention.deleted).toEqual({
      signInAttempts: 0,
      webhookEvents: 0,
      idempotencyKeys: 0,
      mail: 0,
    });
  });

  it("deletes in bounded batches and leaves the rest for the next run", async () => {
    const { pruneExpiredRecords } = await import("@/lib/maintenance/retention");
    await seed({ tag: "batches", webhookEvents: [1, 2, 3, 4, 5].map((n) => ago((100 + n) * DAY)) });

    const first = await pruneExpiredRecords({ batchSize: 2, maxBatches: 2 });
    expect(first).toMatchObject({ deleted: { webhookEvents: 4 }, more: true });
    const second = await pruneExpiredRecords({ batchSize: 2, maxBatches: 2 });
    expect(second).toMatchObject({ deleted: { webhookEvents: 1 }, more: false });
    expect((await agesLeft()).webhookEvents).toEqual([90 * 24 - 1, 24]);
  });

  it("refuses to keep idempotency keys for less than a day", async () => {
    const { parseEnv } = await import("@/lib/env-schema");
    expect(() => parseEnv({ ...process.env, IDEMPOTENCY_KEY_RETENTION_DAYS: "0" })).toThrow(
      /IDEMPOTENCY_KEY_RETENTION_DAYS/,
    );
    expect(parseEnv({ ...process.env, IDEMPOTENCY_KEY_RETENTION_DAYS: "1" }).IDEMPOTENCY_KEY_RETENTION_DAYS).toBe(1);
  });
});
