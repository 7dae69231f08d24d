import { describe, expect, it } from "vitest";
import {
  CancelPaymentError,
  CloseVirtualAccountError,
  type PaymentCancellation,
  type SucceededPaymentCancellation,
} from "@portone/server-sdk/payment";
import { control, emulatorSuite, payThroughCheckout, waitFor } from "./helpers.js";

const suite = emulatorSuite();

/** The SDK throws one typed error class per operation; its data.type is PortOne's error type. */
async function cancelErrorType(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CancelPaymentError);
  return String((error as CancelPaymentError).data.type);
}

function succeeded(cancellation: PaymentCancellation): SucceededPaymentCancellation {
  if (cancellation.status !== "SUCCEEDED") throw new Error(`cancellation is ${String(cancellation.status)}`);
  return cancellation as SucceededPaymentCancellation;
}

describe("cancelPayment", () => {
  it("cancels in full: CANCELLED, amounts, cancellation record and a Cancelled webhook", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator);
    const cancellation = succeeded(
      (await suite.client.cancelPayment({ paymentId, reason: "고객 요청", requester: "CUSTOMER" })).cancellation,
    );
    expect(cancellation).toMatchObject({
      status: "SUCCEEDED",
      totalAmount: 10_000,
      taxFreeAmount: 0,
      vatAmount: 909,
      reason: "고객 요청",
      trigger: "API",
    });
    const payment = await suite.client.getPayment({ paymentId });
    expect(payment).toMatchObject({
      status: "CANCELLED",
      amount: { paid: 10_000, cancelled: 10_000 },
      cancellations: [{ id: cancellation.id }],
    });
    const webhook = await waitFor(() =>
      suite.receiver.forPayment(paymentId).find((received) => received.type === "Transaction.Cancelled"),
    );
    expect(JSON.parse(webhook.body)).toMatchObject({ data: { paymentId, cancellationId: cancellation.id } });
    expect(await cancelErrorType(suite.client.cancelPayment({ paymentId, reason: "again" }))).toBe(
      "PAYMENT_ALREADY_CANCELLED",
    );
  });

  it("cancels partially, then the rest, with currentCancellableAmount", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator);
    await suite.client.cancelPayment({ paymentId, reason: "일부", amount: 3_000, currentCancellableAmount: 10_000 });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "PARTIAL_CANCELLED",
      amount: { cancelled: 3_000 },
    });
    await waitFor(() =>
      suite.receiver.forPayment(paymentId).find((received) => received.type === "Transaction.PartialCancelled"),
    );
    const rest = await suite.client.cancelPayment({ paymentId, reason: "나머지", currentCancellableAmount: 7_000 });
    expect(succeeded(rest.cancellation).totalAmount).toBe(7_000);
    const payment = await suite.client.getPayment({ paymentId });
    expect(payment).toMatchObject({ status: "CANCELLED", amount: { cancelled: 10_000 } });
    if (payment.status !== "CANCELLED") throw new Error("not cancelled");
    const vats = payment.cancellations.map((entry) => ("vatAmount" in entry ? entry.vatAmount : 0));
    expect(vats.reduce((sum, vat) => sum + vat, 0)).toBe(909);
  });

  it("refuses more than the cancellable amount and a stale currentCancellableAmount", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator);
    expect(await cancelErrorType(suite.client.cancelPayment({ paymentId, reason: "x", amount: 10_001 }))).toBe(
      "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT",
    );
    await suite.client.cancelPayment({ paymentId, reason: "일부", amount: 1_000 });
    expect(
      await cancelErrorType(
        suite.client.cancelPayment({ paymentId, reason: "x", amount: 1_000, currentCancellableAmount: 10_000 }),
      ),
    ).toBe("CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN");
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({ amount: { cancelled: 1_000 } });
  });

  it("refuses unpaid payments and unknown ids", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, {}, "decline");
    expect(await cancelErrorType(suite.client.cancelPayment({ paymentId, reason: "x" }))).toBe("PAYMENT_NOT_PAID");
    expect(await cancelErrorType(suite.client.cancelPayment({ paymentId: "nope", reason: "x" }))).toBe(
      "PAYMENT_NOT_FOUND",
    );
    expect(await cancelErrorType(suite.client.cancelPayment({ paymentId, reason: "" }))).toBe("INVALID_REQUEST");
  });

  it("sends no webhook with skipWebhook", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator);
    await waitFor(() => suite.receiver.forPayment(paymentId).find((received) => received.type === "Transaction.Paid"));
    await suite.client.cancelPayment({ paymentId, reason: "조용히", skipWebhook: true });
    const payment = await suite.client.getPayment({ paymentId });
    expect(payment.status).toBe("CANCELLED");
    expect("webhooks" in payment ? payment.webhooks?.map((webhook) => webhook.paymentStatus) : []).toEqual([
      "READY",
      "PAID",
    ]);
  });

  it("needs a refund account for a paid virtual account", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    await control(suite.emulator, `/payments/${paymentId}/deposit`);
    expect(await cancelErrorType(suite.client.cancelPayment({ paymentId, reason: "환불" }))).toBe("INVALID_REQUEST");
    const refunded = await suite.client.cancelPayment({
      paymentId,
      reason: "환불",
      refundAccount: { bank: "SHINHAN", number: "110123456789", holderName: "홍길동" },
    });
    // The PG refunds a deposit later (one to two business days): REQUESTED until then.
    expect(refunded.cancellation).toMatchObject({ status: "REQUESTED", totalAmount: 10_000 });
  });
});

describe("closeVirtualAccount", () => {
  it("closes an issued account and refuses one that is not waiting for deposit", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "VIRTUAL_ACCOUNT" }, "issue", {
      bank: "WOORI",
      holderName: "포인트충전소",
    });
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "VIRTUAL_ACCOUNT_ISSUED",
      method: {
        type: "PaymentMethodVirtualAccount",
        bank: "WOORI",
        remitteeName: "포인트충전소",
        accountType: "NORMAL",
      },
      amount: { paid: 0 },
    });
    const { closedAt } = await suite.client.closeVirtualAccount({ paymentId });
    // Closed before any deposit: cancelled with nothing paid.
    expect(await suite.client.getPayment({ paymentId })).toMatchObject({
      status: "CANCELLED",
      cancelledAt: closedAt,
      method: { expiredAt: closedAt },
      amount: { paid: 0, cancelled: 0 },
    });
    const error = await suite.client.closeVirtualAccount({ paymentId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CloseVirtualAccountError);
    expect((error as CloseVirtualAccountError).data.type).toBe("PAYMENT_NOT_WAITING_FOR_DEPOSIT");
  });
});
