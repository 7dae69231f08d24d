import { PaymentClient } from "@portone/server-sdk";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import { emulatorDefaults } from "portone-emulator";

const PASSWORD = "bench-password-1234";
const cardChannel = emulatorDefaults.channels.find((channel) => channel.payMethod === "CARD")!.key;

/** The bench users' password, hashed (cheaply: the bench measures payments, not bcrypt). */
export const benchPasswordHash = () => bcrypt.hash(PASSWORD, 4);

/** Users made straight in the database; each bench client signs in as one over HTTP. */
export async function createUsers(sql: postgres.Sql, count: number): Promise<{ id: string; email: string }[]> {
  const hash = await benchPasswordHash();
  const tag = randomBytes(4).toString("hex");
  return sql<{ id: string; email: string }[]>`
    insert into users ${sql(Array.from({ length: count }, (_, index) => ({ email: `bench-${tag}-${index}@example.com`, name: "bench", password_hash: hash })))}
    returning id, email`;
}

/** A session cookie, through next-auth's own credentials endpoint as a browser would. */
export async function signIn(appUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return session.split(";")[0]!;
}

/** Pending payment rows, as the checkout would have written them (1,000 KRW card charges). */
export async function createPendingPayments(
  sql: postgres.Sql,
  userIds: string[],
  perUser: number,
): Promise<{ id: string; userId: string }[]> {
  // Round-robin over the users, so the 16 clients working through the list in order act as 16
  // different users at once rather than queueing on one user's balance lock.
  const rows = Array.from({ length: perUser }, () => userIds).flatMap((ids) =>
    ids.map((userId) => ({
      id: `pc-bench-${randomBytes(8).toString("hex")}`,
      user_id: userId,
      package_id: "points-1000",
      order_name: "포인트 1,000P 충전",
      amount: 1000,
      currency: "KRW",
      paid_points: 1000,
      bonus_points: 0,
      pay_option: "card",
      channel_key: cardChannel,
    })),
  );
  await sql`insert into payments ${sql(rows)}`;
  return rows.map((row) => ({ id: row.id, userId: row.user_id }));
}

/** A billing key for the emulator's test card. */
export async function issueTestBillingKey(portone: ReturnType<typeof PaymentClient>): Promise<string> {
  const { billingKeyInfo } = await portone.billingKey.issueBillingKey({
    channelKey: cardChannel,
    method: {
      card: {
        credential: {
          number: "5361810000001234",
          expiryYear: "30",
          expiryMonth: "12",
          birthOrBusinessRegistrationNumber: "900101",
          passwordTwoDigits: "00",
        },
      },
    },
  });
  return billingKeyInfo.billingKey;
}

/** Pays each payment at the emulator with a billing key: PortOne then says PAID, we still say PENDING. */
export async function payAtPortOne(emulatorUrl: string, paymentIds: string[]): Promise<void> {
  const portone = PaymentClient({ secret: emulatorDefaults.apiSecret, baseUrl: emulatorUrl });
  const billingKey = await issueTestBillingKey(portone);
  for (const paymentId of paymentIds) {
    await portone.payWithBillingKey({
      paymentId,
      billingKey,
      channelKey: cardChannel,
      orderName: "포인트 1,000P 충전",
      amount: { total: 1000 },
      currency: "KRW",
    });
  }
}
