import { randomInt } from "node:crypto";
import type { CancelledPaymentCashReceipt, IssuedPaymentCashReceipt } from "@portone/server-sdk/payment";
import type { SelectedChannel } from "@portone/server-sdk/common";
import type { CashReceipt } from "@portone/server-sdk/payment/cashReceipt";
import { defaultVat, type PaymentRecord } from "./payment-record.js";

/** What the window asked for: who the receipt is for, as the PG will report it to the tax office. */
export interface CashReceiptRequest {
  type: "PERSONAL" | "CORPORATE";
  /** Digits only: a phone, resident or cash-receipt card number (PERSONAL), a business number (CORPORATE). */
  customerIdentifier: string;
}

export type RecordedCashReceipt = IssuedPaymentCashReceipt | CancelledPaymentCashReceipt;

export const cashReceiptPageUrl = (publicUrl: string, paymentId: string) =>
  `${publicUrl}/console/cash-receipts/${encodeURIComponent(paymentId)}`;

/** The money arrived (transfer approved, deposit received): the PG issues the requested receipt. */
export function issueCashReceipt(record: PaymentRecord, publicUrl: string, at: string): void {
  if (!record.cashReceiptRequest || record.cashReceipt) return;
  record.cashReceipt = {
    status: "ISSUED",
    type: record.cashReceiptRequest.type,
    pgReceiptId: `emul-cr-${record.pgTxId ?? record.transactionId}`,
    // A nine-digit 승인번호, as the tax office gives one.
    issueNumber: String(randomInt(100_000_000, 1_000_000_000)),
    totalAmount: record.totalAmount,
    taxFreeAmount: record.taxFreeAmount,
    currency: record.currency as IssuedPaymentCashReceipt["currency"],
    url: cashReceiptPageUrl(publicUrl, record.id),
    issuedAt: at,
  };
}

/**
 * A cancellation changed what was paid: a full one cancels the receipt, a partial one leaves it
 * issued for what remains (PGs re-issue it for the remaining amount).
 */
export function followCancellation(record: PaymentRecord, at: string): void {
  const receipt = record.cashReceipt;
  if (!receipt || receipt.status !== "ISSUED") return;
  const remaining = record.totalAmount - record.cancelledAmount;
  record.cashReceipt =
    remaining === 0 ? { ...receipt, status: "CANCELLED", cancelledAt: at } : { ...receipt, totalAmount: remaining };
}

/** `GET /payments/{id}/cash-receipt`: the receipt as PortOne's cash receipt API shows it. */
export function toCashReceiptView(
  record: PaymentRecord,
  receipt: RecordedCashReceipt,
  context: { merchantId: string; channel: SelectedChannel },
): CashReceipt {
  const common = {
    merchantId: context.merchantId,
    storeId: record.storeId,
    paymentId: record.id,
    channel: context.channel,
    amount: receipt.totalAmount,
    taxFreeAmount: receipt.taxFreeAmount,
    vatAmount: defaultVat(receipt.totalAmount - (receipt.taxFreeAmount ?? 0)),
    currency: receipt.currency,
    orderName: record.orderName,
    isManual: false,
    type: receipt.type,
    pgReceiptId: receipt.pgReceiptId,
    issueNumber: receipt.issueNumber,
    url: receipt.url,
    issuedAt: receipt.issuedAt,
  };
  return receipt.status === "CANCELLED"
    ? { ...common, status: "CANCELLED", cancelledAt: receipt.cancelledAt, statusUpdatedAt: receipt.cancelledAt }
    : { ...common, status: "ISSUED", statusUpdatedAt: receipt.issuedAt };
}
