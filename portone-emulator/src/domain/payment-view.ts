import type { SelectedChannel } from "@portone/server-sdk/common";
import type {
  CancelledPayment,
  FailedPayment,
  PaidPayment,
  PartialCancelledPayment,
  PaymentAmount,
  ReadyPayment,
  VirtualAccountIssuedPayment,
} from "@portone/server-sdk/payment";
import type { EmulatorConfig } from "../config.js";
import { isPaidLike, type PaymentOrigin, type PaymentRecord } from "./payment-record.js";

// The REST shape of a payment, typed with the server SDK's own types so that the compiler
// catches drift. `origin` is newer than SDK 0.19's types, hence the intersection.
type WithOrigin<T> = T & { origin: PaymentOrigin };
export type PaymentView =
  | WithOrigin<ReadyPayment>
  | WithOrigin<VirtualAccountIssuedPayment>
  | WithOrigin<PaidPayment>
  | WithOrigin<FailedPayment>
  | WithOrigin<PartialCancelledPayment>
  | WithOrigin<CancelledPayment>;

export function selectedChannel(config: EmulatorConfig, channelKey: string | undefined): SelectedChannel | undefined {
  const channel = config.channels.find((candidate) => candidate.key === channelKey);
  if (!channel) return undefined;
  return {
    type: channel.type ?? "TEST",
    id: channel.id,
    key: channel.key,
    name: channel.name,
    pgProvider: channel.pgProvider,
    pgMerchantId: `emulator-${channel.pgProvider.toLowerCase()}-mid`,
  };
}

export function paymentAmount(record: PaymentRecord): PaymentAmount {
  const taxable = record.totalAmount - record.taxFreeAmount;
  return {
    total: record.totalAmount,
    taxFree: record.taxFreeAmount,
    vat: record.vatAmount,
    supply: taxable - record.vatAmount,
    discount: 0,
    // A virtual account closed before any deposit is CANCELLED with nothing paid.
    paid: isPaidLike(record.status) && record.paidAt !== undefined ? record.totalAmount : 0,
    cancelled: record.cancelledAmount,
    cancelledTaxFree: record.cancelledTaxFreeAmount,
  };
}

export function toPaymentView(record: PaymentRecord, config: EmulatorConfig, publicUrl: string): PaymentView {
  const channel = selectedChannel(config, record.channelKey);
  const common = {
    id: record.id,
    transactionId: record.transactionId,
    merchantId: config.merchantId,
    storeId: record.storeId,
    method: record.method,
    version: "V2",
    billingKey: record.billingKey,
    scheduleId: record.scheduleId,
    webhooks: record.webhooks,
    requestedAt: record.requestedAt,
    updatedAt: record.updatedAt,
    statusChangedAt: record.statusChangedAt,
    orderName: record.orderName,
    amount: paymentAmount(record),
    currency: record.currency,
    customer: record.customer,
    customData: record.customData,
    origin: record.origin,
  } as const;
  const receiptUrl = `${publicUrl}/console/payments/${encodeURIComponent(record.id)}`;
  const paidAt = record.paidAt ?? record.statusChangedAt;

  switch (record.status) {
    case "READY":
      return { ...common, status: "READY", channel };
    case "FAILED":
      return {
        ...common,
        status: "FAILED",
        channel,
        failedAt: record.failedAt ?? record.statusChangedAt,
        failure: record.failure ?? {},
      };
    case "VIRTUAL_ACCOUNT_ISSUED":
      return {
        ...common,
        status: "VIRTUAL_ACCOUNT_ISSUED",
        channel: requireChannel(channel, record),
        pgTxId: record.pgTxId,
      };
    case "PAID":
      return {
        ...common,
        status: "PAID",
        channel: requireChannel(channel, record),
        paidAt,
        pgTxId: record.pgTxId,
        receiptUrl,
        cashReceipt: record.cashReceipt,
        disputes: [],
        cancellations: record.cancellations,
      };
    case "PARTIAL_CANCELLED":
    case "CANCELLED":
      return {
        ...common,
        status: record.status,
        channel: requireChannel(channel, record),
        paidAt: record.paidAt,
        pgTxId: record.pgTxId,
        receiptUrl: record.paidAt ? receiptUrl : undefined,
        cashReceipt: record.cashReceipt,
        cancellations: record.cancellations,
        cancelledAt: record.cancelledAt ?? record.statusChangedAt,
      };
  }
}

function requireChannel(channel: SelectedChannel | undefined, record: PaymentRecord): SelectedChannel {
  if (!channel) throw new Error(`payment ${record.id} has no channel`);
  return channel;
}
