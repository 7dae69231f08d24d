import type { Customer } from "@portone/server-sdk/common";
import type {
  FailedPaymentCancellation,
  PaymentFailure,
  PaymentMethod,
  PaymentWebhook,
  RequestedPaymentCancellation,
  SucceededPaymentCancellation,
} from "@portone/server-sdk/payment";
import type { EmulatorPayMethod } from "../config.js";
import type { CashReceiptRequest, RecordedCashReceipt } from "./cash-receipts.js";

export type PaymentStatus = "READY" | "VIRTUAL_ACCOUNT_ISSUED" | "PAID" | "FAILED" | "PARTIAL_CANCELLED" | "CANCELLED";

/** The cancellation kinds the emulator produces (the SDK's union also has an unknown-variant member). */
export type Cancellation = SucceededPaymentCancellation | RequestedPaymentCancellation | FailedPaymentCancellation;

/** `origin` exists in PortOne's newest schema but not yet in the server SDK's types. */
export interface PaymentOrigin {
  platformType: "PC" | "MOBILE" | "API";
  userAgent?: string;
  url?: string;
  ipAddress: string;
}

/** What the emulator keeps per paymentId; `toPaymentView` turns it into PortOne's shape. */
export interface PaymentRecord {
  /** Insertion order, used as the list cursor. */
  seq: number;
  id: string;
  transactionId: string;
  storeId: string;
  channelKey?: string;
  payMethod: EmulatorPayMethod;
  status: PaymentStatus;
  orderName: string;
  currency: string;
  totalAmount: number;
  taxFreeAmount: number;
  vatAmount: number;
  cancelledAmount: number;
  cancelledTaxFreeAmount: number;
  cancelledVatAmount: number;
  customer: Customer;
  customData?: string;
  noticeUrls?: string[];
  origin: PaymentOrigin;
  method?: PaymentMethod;
  pgTxId?: string;
  billingKey?: string;
  /** The payment schedule whose attempt this payment is. */
  scheduleId?: string;
  failure?: PaymentFailure;
  /** Asked for in the window (transfer, virtual account, easy pay); issued once the money arrives. */
  cashReceiptRequest?: CashReceiptRequest;
  cashReceipt?: RecordedCashReceipt;
  /** Succeeded, still requested (an asynchronous cancel) and failed ones, in request order. */
  cancellations: Cancellation[];
  webhooks: PaymentWebhook[];
  requestedAt: string;
  updatedAt: string;
  statusChangedAt: string;
  paidAt?: string;
  failedAt?: string;
  cancelledAt?: string;
}

/** Amount fixed before the window opens (`POST /payments/{id}/pre-register`). */
export interface PreRegistration {
  totalAmount?: number;
  taxFreeAmount?: number;
  currency?: string;
}

export function setStatus(record: PaymentRecord, status: PaymentStatus, at: string): void {
  record.status = status;
  record.statusChangedAt = at;
  record.updatedAt = at;
}

export const isPaidLike = (status: PaymentStatus) =>
  status === "PAID" || status === "PARTIAL_CANCELLED" || status === "CANCELLED";

/** What a new cancel may still take: a requested cancel holds its amount until it settles. */
export const cancellableAmount = (record: PaymentRecord) =>
  isPaidLike(record.status) ? record.totalAmount - record.cancelledAmount - pendingCancelAmount(record) : 0;

export const pendingCancelAmount = (record: PaymentRecord) =>
  record.cancellations.reduce(
    (sum, cancellation) => sum + (cancellation.status === "REQUESTED" ? cancellation.totalAmount : 0),
    0,
  );

/** VAT when the caller gives none: 1/11 of the taxable part, rounded half up (matches PortOne). */
export const defaultVat = (taxableAmount: number) => Math.round(taxableAmount / 11);
