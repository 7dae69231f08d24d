import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "@portone/server-sdk";
import type { RunningEmulator } from "../src/server.js";
import { signatureHeader } from "../src/webhooks/sign.js";
import {
  control,
  paymentClient,
  payThroughCheckout,
  startTestEmulator,
  startWebhookReceiver,
  waitFor,
  type ReceivedWebhook,
} from "./helpers.js";

let emulator: RunningEmulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let noticeReceiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  noticeReceiver = await startWebhookReceiver();
  emulator = await startTestEmulator({ webhookUrl: receiver.url });
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
  await noticeReceiver.close();
});

const verificationFailure = (promise: Promise<unknown>) =>
  promise.then(
    () => "verified",
    (error: unknown) => (error instanceof Webhook.WebhookVerificationError ? error.reason : String(error)),
  );

async function paidWebhook(): Promise<ReceivedWebhook> {
  const { paymentId } = await payThroughCheckout(emulator);
  return waitFor(() => receiver.forPayment(paymentId).find((webhook) => webhook.type === "Transaction.Paid"));
}

describe("webhook signatures", () => {
  it("pass the server SDK's Webhook.verify with every configured secret", async () => {
    const webhook = await paidWebhook();
    expect(webhook.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    for (const secret of emulator.config.webhookSecrets) {
      const verified = await Webhook.verify(secret, webhook.body, webhook.headers);
      expect(verified).toMatchObject({ type: "Transaction.Paid", data: { storeId: emulator.config.storeId } });
    }
    expect(JSON.parse(webhook.body).timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(webhook.headers["content-type"]).toBe("application/json");
  });

  it("fail verification for a tampered body, a wrong secret or a stale timestamp", async () => {
    const webhook = await paidWebhook();
    const secret = emulator.config.webhookSecrets[0] ?? "";
    const tampered = webhook.body.replace("Transaction.Paid", "Transaction.Cancelled");
    expect(await verificationFailure(Webhook.verify(secret, tampered, webhook.headers))).toBe("NO_MATCHING_SIGNATURE");
    const wrongSecret = `whsec_${Buffer.from("a different secret, 32 bytes long").toString("base64")}`;
    expect(await verificationFailure(Webhook.verify(wrongSecret, webhook.body, webhook.headers))).toBe(
      "NO_MATCHING_SIGNATURE",
    );
    // A replay ten minutes later: re-signed correctly, but the timestamp is outside the 5-minute window.
    const stale = Math.floor(Date.now() / 1000) - 600;
    const staleHeaders = {
      ...webhook.headers,
      "webhook-timestamp": String(stale),
      "webhook-signature": signatureHeader([secret], webhook.headers["webhook-id"] ?? "", stale, webhook.body),
    };
    expect(await verificationFailure(Webhook.verify(secret, webhook.body, staleHeaders))).toBe("TIMESTAMP_TOO_OLD");
  });
});

describe("webhook events", () => {
  it("are sent for Ready, Paid, VirtualAccountIssued, Failed, PartialCancelled and Cancelled", async () => {
    const client = paymentClient(emulator);
    const card = await payThroughCheckout(emulator);
    await client.cancelPayment({ paymentId: card.paymentId, reason: "부분", amount: 1_000 });
    await client.cancelPayment({ paymentId: card.paymentId, reason: "전액" });
    const failed = await payThroughCheckout(emulator, {}, "cancel");
    const account = await payThroughCheckout(emulator, { payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    const typesOf = (paymentId: string) => receiver.forPayment(paymentId).map((webhook) => webhook.type);
    await waitFor(() => typesOf(card.paymentId).length === 4);
    expect(typesOf(card.paymentId)).toEqual([
      "Transaction.Ready",
      "Transaction.Paid",
      "Transaction.PartialCancelled",
      "Transaction.Cancelled",
    ]);
    await waitFor(() => typesOf(failed.paymentId).length === 2);
    expect(typesOf(failed.paymentId)).toEqual(["Transaction.Ready", "Transaction.Failed"]);
    await waitFor(() => typesOf(account.paymentId).length === 2);
    await control(emulator, `/payments/${account.paymentId}/deposit`);
    await waitFor(() => typesOf(account.paymentId).length === 3);
    expect(typesOf(account.paymentId)).toEqual([
      "Transaction.Ready",
      "Transaction.VirtualAccountIssued",
      "Transaction.Paid",
    ]);
    const payment = await client.getPayment({ paymentId: account.paymentId });
    expect("webhooks" in payment && payment.webhooks?.at(-1)).toMatchObject({
      trigger: "VIRTUAL_ACCOUNT_DEPOSIT",
      paymentStatus: "PAID",
      status: "SUCCEEDED",
    });
  });

  it("go to the request's noticeUrls instead of the configured URL", async () => {
    const { paymentId } = await payThroughCheckout(emulator, { noticeUrls: [noticeReceiver.url] });
    await waitFor(() => noticeReceiver.forPayment(paymentId).length === 2);
    expect(receiver.forPayment(paymentId)).toHaveLength(0);
  });

  it("can be resent through the API: the resend is a webhook of its own, marked MANUAL", async () => {
    const client = paymentClient(emulator);
    const { paymentId } = await payThroughCheckout(emulator);
    const original = await waitFor(() =>
      receiver.forPayment(paymentId).find((webhook) => webhook.type === "Transaction.Paid"),
    );
    const { webhook } = await client.resendWebhook({ paymentId });
    expect(webhook).toMatchObject({
      status: "SUCCEEDED",
      paymentStatus: "PAID",
      trigger: "MANUAL",
      isAsync: false,
      currentExecutionCount: 1,
    });
    expect(webhook.id).not.toBe(original.headers["webhook-id"]);
    const copies = receiver.forPayment(paymentId).filter((received) => received.type === "Transaction.Paid");
    expect(copies).toHaveLength(2);
    expect(copies[1]?.headers["webhook-id"]).toBe(webhook.id);
    expect(copies[1]?.body).toBe(original.body);
    const payment = await client.getPayment({ paymentId });
    const recorded = "webhooks" in payment ? (payment.webhooks ?? []) : [];
    expect(recorded.find((entry) => entry.id === original.headers["webhook-id"])?.trigger).toBeUndefined();
    expect(recorded.at(-1)).toMatchObject({ id: webhook.id, trigger: "MANUAL" });
  });
});
