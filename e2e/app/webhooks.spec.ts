import { expect as baseExpect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ledgerOf, paymentStatus, sql } from "../support/db";
import { sendSignedWebhook } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { payBehindTheAppsBack } from "../support/unheard-payment";

async function webhookRecord(webhookId: string) {
  const [row] = await sql<{ outcome: string }[]>`select outcome from webhook_events where webhook_id = ${webhookId}`;
  return row?.outcome;
}

test("forged, tampered and stale webhooks get 400 and change nothing", async ({ page, user, charge }) => {
  const paymentId = await payBehindTheAppsBack(page, charge);
  const forged = await sendSignedWebhook({
    webhookId: randomUUID(),
    type: "Transaction.Paid",
    paymentId,
    secrets: ["whsec_" + Buffer.from("not-the-secret-at-all-0123456789").toString("base64")],
  });
  baseExpect(forged.status).toBe(400);
  const tampered = await sendSignedWebhook({
    webhookId: randomUUID(),
    type: "Transaction.Paid",
    paymentId,
    tamper: (body) => body.replace("Transaction.Paid", "Transaction.Paid "),
  });
  baseExpect(tampered.status).toBe(400);
  const staleId = randomUUID();
  const stale = await sendSignedWebhook({
    webhookId: staleId,
    type: "Transaction.Paid",
    paymentId,
    timestampMs: Date.now() - 10 * 60_000,
  });
  baseExpect(stale.status).toBe(400);

  baseExpect(await paymentStatus(paymentId)).toBe("PENDING");
  expect(await ledgerOf(user.email)).toEqual([]);
  baseExpect(await webhookRecord(staleId)).toBeUndefined();
});

test("five deliveries of one webhook racing five completions credit exactly once", async ({ page, user, charge }) => {
  const paymentId = await payBehindTheAppsBack(page, charge);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  const webhookId = randomUUID();
  const responses = await Promise.all([
    ...Array.from({ length: 5 }, () =>
      sendSignedWebhook({ webhookId, type: "Transaction.Paid", paymentId }).then((r) => r.status),
    ),
    ...Array.from({ length: 5 }, () =>
      page.request.post("/api/payments/complete", { data: { paymentId } }).then((r) => r.status()),
    ),
  ]);
  baseExpect(responses).toEqual(Array(10).fill(200));

  baseExpect(await paymentStatus(paymentId)).toBe("PAID");
  expect(await ledgerOf(user.email)).toEqual([
    { kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 },
  ]);
  baseExpect(await webhookRecord(webhookId)).toBe("processed");

  // A later redelivery of the processed id is acknowledged as a duplicate.
  const again = await sendSignedWebhook({ webhookId, type: "Transaction.Paid", paymentId });
  baseExpect(await again.json()).toEqual({ outcome: "duplicate" });
});

test("webhook before or after the browser's completion: the same end state", async ({ page, user, charge }) => {
  const first = await payBehindTheAppsBack(page, charge);
  baseExpect(
    (await sendSignedWebhook({ webhookId: randomUUID(), type: "Transaction.Paid", paymentId: first })).status,
  ).toBe(200);
  baseExpect(await paymentStatus(first)).toBe("PAID");
  await page.unrouteAll({ behavior: "ignoreErrors" });
  const completion = await page.request.post("/api/payments/complete", { data: { paymentId: first } });
  baseExpect(await completion.json()).toEqual({ paymentId: first, status: "PAID" });

  const second = await payBehindTheAppsBack(page, charge);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  const secondCompletion = await page.request.post("/api/payments/complete", { data: { paymentId: second } });
  baseExpect(await secondCompletion.json()).toEqual({ paymentId: second, status: "PAID" });
  baseExpect(
    (await sendSignedWebhook({ webhookId: randomUUID(), type: "Transaction.Paid", paymentId: second })).status,
  ).toBe(200);

  expect(await ledgerOf(user.email)).toEqual([
    { kind: "charge", reference: first, paid_delta: 10_000, bonus_delta: 300 },
    { kind: "charge", reference: second, paid_delta: 10_000, bonus_delta: 300 },
  ]);
  await page.goto("/history");
  await expect(page.getByTestId("header-balance")).toHaveText("20,600 P");
});

test("events about unknown payments or other subjects are acknowledged and ignored", async () => {
  const unknown = await sendSignedWebhook({
    webhookId: randomUUID(),
    type: "Transaction.Paid",
    paymentId: "pc-not-ours",
  });
  baseExpect(unknown.status).toBe(200);
  baseExpect(await unknown.json()).toEqual({ outcome: "ignored" });
  const other = await sendSignedWebhook({
    webhookId: randomUUID(),
    type: "BillingKey.Issued",
    paymentId: "pc-not-ours",
  });
  baseExpect(await other.json()).toEqual({ outcome: "ignored" });
});
