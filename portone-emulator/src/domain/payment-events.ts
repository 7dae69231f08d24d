import type { PaymentWebhookTrigger } from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import type { PaymentRecord } from "./payment-record.js";

export type TransactionWebhookType =
  | "Transaction.Ready"
  | "Transaction.Paid"
  | "Transaction.VirtualAccountIssued"
  | "Transaction.Failed"
  | "Transaction.PartialCancelled"
  | "Transaction.Cancelled"
  | "Transaction.CancelPending";

/** Sends a Transaction.* webhook about a payment to its noticeUrls or the configured URL. */
export function emitPaymentWebhook(
  emulator: Emulator,
  record: PaymentRecord,
  type: TransactionWebhookType,
  options: { cancellationId?: string; trigger?: PaymentWebhookTrigger } = {},
): void {
  const data: Record<string, string> = {
    paymentId: record.id,
    storeId: record.storeId,
    transactionId: record.transactionId,
  };
  if (options.cancellationId) data.cancellationId = options.cancellationId;
  emulator.webhooks.send({
    type,
    data,
    noticeUrls: record.noticeUrls,
    paymentId: record.id,
    paymentStatus: record.status,
    trigger: options.trigger,
    recordInto: record.webhooks,
    onChange: () => emulator.state.persist(),
  });
  emulator.state.persist();
}
