import type {
  FailedPaymentSchedule,
  RevokedPaymentSchedule,
  ScheduledPaymentSchedule,
  StartedPaymentSchedule,
  SucceededPaymentSchedule,
} from "@portone/server-sdk/payment/paymentSchedule";
import type { EmulatorConfig } from "../config.js";
import type { PaymentScheduleRecord } from "./payment-schedules.js";

/** The PaymentSchedule variants the emulator produces, typed with the server SDK's own types. */
export type PaymentScheduleView =
  | ScheduledPaymentSchedule
  | StartedPaymentSchedule
  | SucceededPaymentSchedule
  | FailedPaymentSchedule
  | RevokedPaymentSchedule;

export function toPaymentScheduleView(record: PaymentScheduleRecord, config: EmulatorConfig): PaymentScheduleView {
  const { payment } = record;
  const common = {
    id: record.id,
    merchantId: config.merchantId,
    storeId: record.storeId,
    paymentId: record.paymentId,
    billingKey: record.billingKey,
    orderName: payment.orderName,
    isCulturalExpense: false,
    isEscrow: false,
    customer: record.customer,
    // Required in PortOne's schema: a schedule made without customData shows an empty string.
    customData: payment.customData ?? "",
    totalAmount: payment.totalAmount,
    taxFreeAmount: payment.taxFreeAmount,
    vatAmount: payment.vatAmount,
    currency: payment.currency,
    installmentMonth: payment.installmentMonth,
    noticeUrls: payment.noticeUrls,
    createdAt: record.createdAt,
    timeToPay: record.timeToPay,
  };
  const startedAt = record.startedAt ?? record.timeToPay;
  const completedAt = record.completedAt ?? startedAt;
  switch (record.status) {
    case "SCHEDULED":
      return { ...common, status: "SCHEDULED" };
    case "STARTED":
      return { ...common, status: "STARTED", startedAt };
    case "SUCCEEDED":
      return { ...common, status: "SUCCEEDED", startedAt, completedAt };
    case "FAILED":
      return { ...common, status: "FAILED", startedAt, completedAt };
    case "REVOKED":
      return { ...common, status: "REVOKED", revokedAt: record.revokedAt ?? record.createdAt };
  }
}
