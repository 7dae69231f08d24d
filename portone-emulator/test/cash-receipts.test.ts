import { CashReceiptClient } from "@portone/server-sdk/payment/cashReceipt";
import { describe, expect, it } from "vitest";
import { control, emulatorSuite, openCheckout, paymentRequest, payThroughCheckout, waitFor } from "./helpers.js";

// Cash receipts (현금영수증) asked for in the window: issued when the money arrives, shown in the
// payment, by PortOne's cash receipt API and on the PG's receipt page, cancelled with the payment.

const suite = emulatorSuite({ virtualAccountRefundMs: 0 });
const receiptClient = () => CashReceiptClient({ secret: suite.emulator.config.apiSecret, baseUrl: suite.emulator.url });

const PERSONAL = { cashReceiptType: "PERSONAL", customerIdentifier: "01012345678" };
// 220-81-62517 has a valid check digit; 220-81-62518 does not.
const CORPORATE = { cashReceiptType: "CORPORATE", customerIdentifier: "220-81-62517" };

describe("cash receipts", () => {
  it("issues the receipt a transfer asked for when it is paid, and the receipt page shows it", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "TRANSFER", transfer: PERSONAL });
    const payment = await suite.client.getPayment({ paymentId });
    expect(payment.status).toBe("PAID");
    const receipt = "cashReceipt" in payment ? payment.cashReceipt : undefined;
    expect(receipt).toMatchObject({ status: "ISSUED", type: "PERSONAL", totalAmount: 10_000, currency: "KRW" });
    expect(receipt && "issueNumber" in receipt ? receipt.issueNumber : "").toMatch(/^\d{9}$/);

    const fromApi = await receiptClient().getCashReceiptByPaymentId({ paymentId });
    expect(fromApi).toMatchObject({ status: "ISSUED", paymentId, amount: 10_000, vatAmount: 909, isManual: false });

    const page = await fetch(receipt && "url" in receipt ? String(receipt.url) : "");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("소득공제용");
    expect(html).toContain("010******78");
    expect(html).not.toContain("01012345678");
  });

  it("issues a virtual account's receipt at the deposit, not at issuance, and cancels it on a full refund", async () => {
    const { paymentId } = await payThroughCheckout(
      suite.emulator,
      { payMethod: "VIRTUAL_ACCOUNT", virtualAccount: { accountExpiry: { validHours: 24 }, ...CORPORATE } },
      "issue",
    );
    const issued = await suite.client.getPayment({ paymentId });
    expect(issued.status).toBe("VIRTUAL_ACCOUNT_ISSUED");
    expect("cashReceipt" in issued).toBe(false);
    await expect(receiptClient().getCashReceiptByPaymentId({ paymentId })).rejects.toMatchObject({
      data: { type: "CASH_RECEIPT_NOT_FOUND" },
    });
    // PortOne's error union for this endpoint has no PAYMENT_NOT_FOUND.
    await expect(receiptClient().getCashReceiptByPaymentId({ paymentId: "no-such-payment" })).rejects.toMatchObject({
      data: { type: "CASH_RECEIPT_NOT_FOUND" },
    });

    await control(suite.emulator, `/payments/${paymentId}/deposit`);
    const paid = await suite.client.getPayment({ paymentId });
    expect("cashReceipt" in paid && paid.cashReceipt).toMatchObject({ status: "ISSUED", type: "CORPORATE" });

    await suite.client.cancelPayment({
      paymentId,
      reason: "환불",
      refundAccount: { bank: "SHINHAN", number: "110123456789", holderName: "홍길동" },
    });
    await waitFor(() => suite.receiver.forPayment(paymentId).find((hook) => hook.type === "Transaction.Cancelled"));
    const cancelled = await suite.client.getPayment({ paymentId });
    expect("cashReceipt" in cancelled && cancelled.cashReceipt).toMatchObject({ status: "CANCELLED" });
    expect(await receiptClient().getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: "CANCELLED" });
  });

  it("keeps a partly cancelled receipt issued for what remains", async () => {
    const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "TRANSFER", transfer: PERSONAL });
    await suite.client.cancelPayment({ paymentId, reason: "일부", amount: 4_000 });
    const payment = await suite.client.getPayment({ paymentId });
    expect("cashReceipt" in payment && payment.cashReceipt).toMatchObject({ status: "ISSUED", totalAmount: 6_000 });
  });

  it("issues nothing when none was asked for, or an anonymous one", async () => {
    for (const transfer of [undefined, { cashReceiptType: "ANONYMOUS" }]) {
      const { paymentId } = await payThroughCheckout(suite.emulator, { payMethod: "TRANSFER", transfer });
      const payment = await suite.client.getPayment({ paymentId });
      expect(payment.status).toBe("PAID");
      expect("cashReceipt" in payment && payment.cashReceipt).toBeFalsy();
    }
  });

  it("refuses a window with a wrong number or an unknown type, as the PG does", async () => {
    for (const transfer of [
      { cashReceiptType: "PERSONAL" },
      { cashReceiptType: "PERSONAL", customerIdentifier: "0212345678" },
      { cashReceiptType: "CORPORATE", customerIdentifier: "2208162518" },
      { cashReceiptType: "COMPANY", customerIdentifier: "2208162517" },
    ]) {
      const opened = await openCheckout(suite.emulator, paymentRequest({ payMethod: "TRANSFER", transfer }));
      expect(opened.status, JSON.stringify(transfer)).toBe(400);
      expect(opened.body).toMatchObject({ code: "BadRequest" });
    }
    const prefixed = paymentRequest({
      payMethod: "TRANSFER",
      transfer: { cashReceiptType: "CASH_RECEIPT_TYPE_CORPORATE", customerIdentifier: "2208162517" },
    });
    expect((await openCheckout(suite.emulator, prefixed)).status).toBe(200);
  });
});
