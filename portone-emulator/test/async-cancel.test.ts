import { describe, expect, it } from "vitest";
import type { Payment, PaymentCancellation } from "@portone/server-sdk/payment";
import {
  answerCheckout,
  control,
  emulatorSuite,
  openCheckout,
  paymentRequest,
  payThroughCheckout,
  waitFor,
} from "./helpers.js";

// Deposit refunds settle 300 ms after they are asked for, instead of the default 3 s.
const suite = emulatorSuite({ virtualAccountRefundMs: 300 });

const cancellationsOf = (payment: Payment) =>
  "cancellations" in payment ? (payment.cancellations as PaymentCancellation[]) : [];
const webhookTriggers = (payment: Payment) =>
  "webhooks" in payment ? (payment.webhooks ?? []).map((webhook) => webhook.trigger ?? null) : [];
const typesFor = (paymentId: string) => suite.receiver.forPayment(paymentId).map((received) => received.type);

async function paid() {
  const { paymentId } = await payThroughCheckout(suite.emulator);
  await waitFor(() => typesFor(paymentId).includes("Transaction.Paid"));
  return paymentId;
}

describe("asynchronous cancellations", () => {
  it("a pending cancel is REQUESTED, holds its amount, and completes when the PG approves", async () => {
    const paymentId = await paid();
    await control(suite.emulator, "/faults/cancellations", { paymentId, outcome: "pending" });
    const { cancellation } = await suite.client.cancelPayment({ paymentId, reason: "환불" });
    expect(cancellation).toMatchObject({ status: "REQUESTED", totalAmount: 10_000 });
    if (cancellation.status !== "REQUESTED") throw new Error("not requested");

    const waiting = await suite.client.getPayment({ paymentId });
    expect(waiting).toMatchObject({ status: "PAID", amount: { cancelled: 0 } });
    expect(cancellationsOf(waiting)).toMatchObject([{ id: cancellation.id, status: "REQUESTED" }]);
    await waitFor(() => typesFor(paymentId).includes("Transaction.CancelPending"));
    const pendingWebhook = suite.receiver
      .forPayment(paymentId)
      .find((received) => received.type === "Transaction.CancelPending");
    expect(JSON.parse(pendingWebhook!.body)).toMatchObject({ data: { paymentId, cancellationId: cancellation.id } });
    // The requested amount is no longer cancellable.
    const second = await suite.client
      .cancelPayment({ paymentId, reason: "또", amount: 1 })
      .catch((error: unknown) => error);
    expect(second).toMatchObject({ data: { type: "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT" } });

    const settled = await control(suite.emulator, `/payments/${paymentId}/cancellations/${cancellation.id}/settle`, {
      outcome: "succeed",
    });
    expect(settled.status).toBe(200);
    const done = await suite.client.getPayment({ paymentId });
    expect(done).toMatchObject({ status: "CANCELLED", amount: { cancelled: 10_000 } });
    expect(cancellationsOf(done)).toMatchObject([{ id: cancellation.id, status: "SUCCEEDED" }]);
    await waitFor(() => typesFor(paymentId).includes("Transaction.Cancelled"));
    expect(webhookTriggers(await suite.client.getPayment({ paymentId }))).toContain("ASYNC_CANCEL_APPROVED");
    // Settled once: a second answer is refused.
    expect(
      (
        await control(suite.emulator, `/payments/${paymentId}/cancellations/${cancellation.id}/settle`, {
          outcome: "fail",
        })
      ).status,
    ).toBe(409);
  });

  it("a pending cancel the PG refuses later becomes FAILED by itself and gives nothing back", async () => {
    const paymentId = await paid();
    await control(suite.emulator, "/faults/cancellations", {
      paymentId,
      outcome: "pending",
      settle: "fail",
      settleAfterMs: 200,
    });
    const { cancellation } = await suite.client.cancelPayment({ paymentId, reason: "환불", amount: 4_000 });
    if (cancellation.status !== "REQUESTED") throw new Error("not requested");
    await waitFor(() => typesFor(paymentId).filter((type) => type === "Transaction.Paid").length === 2);
    const after = await suite.client.getPayment({ paymentId });
    expect(after).toMatchObject({ status: "PAID", amount: { cancelled: 0 } });
    expect(cancellationsOf(after)).toMatchObject([{ id: cancellation.id, status: "FAILED", totalAmount: 4_000 }]);
    expect(webhookTriggers(after)).toContain("ASYNC_CANCEL_FAILED");
    // The amount is free again.
    const retried = await suite.client.cancelPayment({ paymentId, reason: "다시", amount: 4_000 });
    expect(retried.cancellation.status).toBe("SUCCEEDED");
  });

  it("a refused cancel is FAILED at once; the next one succeeds; console cancels are never affected", async () => {
    const paymentId = await paid();
    await control(suite.emulator, "/faults/cancellations", { paymentId, outcome: "fail", count: 2 });
    const refused = await suite.client.cancelPayment({ paymentId, reason: "환불", amount: 1_000 });
    expect(refused.cancellation).toMatchObject({ status: "FAILED", totalAmount: 1_000 });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({ status: "PAID", amount: { cancelled: 0 } });

    const form = new URLSearchParams({ amount: "2000" });
    await fetch(`${suite.emulator.url}/console/payments/${paymentId}/cancel`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PARTIAL_CANCELLED",
      amount: { cancelled: 2_000 },
    });

    expect((await suite.client.cancelPayment({ paymentId, reason: "또", amount: 1_000 })).cancellation.status).toBe(
      "FAILED",
    );
    expect((await suite.client.cancelPayment({ paymentId, reason: "이번엔", amount: 1_000 })).cancellation.status).toBe(
      "SUCCEEDED",
    );
  });

  it("refuses a fault without a scope or an outcome it does not know", async () => {
    expect((await control(suite.emulator, "/faults/cancellations", { outcome: "pending" })).status).toBe(400);
    expect((await control(suite.emulator, "/faults/cancellations", { global: true, outcome: "later" })).status).toBe(
      400,
    );
    expect(
      (await control(suite.emulator, "/faults/cancellations", { global: true, outcome: "pending", settle: "maybe" }))
        .status,
    ).toBe(400);
  });
});

describe("virtual-account refunds", () => {
  const refundAccount = { bank: "SHINHAN", number: "110123456789", holderName: "홍길동" } as const;

  it("are REQUESTED, then succeed by themselves with CancelPending before Cancelled", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    await control(suite.emulator, `/payments/${paymentId}/deposit`);
    const { cancellation } = await suite.client.cancelPayment({ paymentId, reason: "환불", refundAccount });
    expect(cancellation).toMatchObject({ status: "REQUESTED", totalAmount: 10_000 });
    if (cancellation.status !== "REQUESTED") throw new Error("not requested");
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({ status: "PAID", amount: { cancelled: 0 } });

    await waitFor(() => typesFor(paymentId).includes("Transaction.Cancelled"));
    const types = typesFor(paymentId);
    expect(types.indexOf("Transaction.CancelPending")).toBeGreaterThan(-1);
    expect(types.indexOf("Transaction.CancelPending")).toBeLessThan(types.indexOf("Transaction.Cancelled"));
    const done = await suite.client.getPayment({ paymentId });
    expect(done).toMatchObject({ status: "CANCELLED", amount: { cancelled: 10_000 } });
    expect(cancellationsOf(done)).toMatchObject([{ id: cancellation.id, status: "SUCCEEDED" }]);
  });

  it("a console cancel of a deposit and a card refund stay immediate", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    await control(suite.emulator, `/payments/${paymentId}/deposit`);
    await fetch(`${suite.emulator.url}/console/payments/${paymentId}/cancel`, {
      method: "POST",
      body: new URLSearchParams({ amount: "1000" }),
      redirect: "manual",
    });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({ amount: { cancelled: 1_000 } });
    const card = await paid();
    expect((await suite.client.cancelPayment({ paymentId: card, reason: "환불" })).cancellation.status).toBe(
      "SUCCEEDED",
    );
  });
});

describe("stale reads", () => {
  it("a payment lookup can answer what it answered before, as a lagging read replica would", async () => {
    const request = paymentRequest();
    const paymentId = request.paymentId as string;
    const opened = await openCheckout(suite.emulator, request);
    expect((await suite.client.getPayment({ paymentId })).status).toBe("READY");
    await answerCheckout(suite.emulator, opened.body.txId, "approve");
    await control(suite.emulator, "/faults/api", { paymentId, kind: "stale", count: 1 });
    expect((await suite.client.getPayment({ paymentId })).status).toBe("READY");
    expect((await suite.client.getPayment({ paymentId })).status).toBe("PAID");
  });
});
