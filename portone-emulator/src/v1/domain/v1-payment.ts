import { randomBytes, randomUUID } from "node:crypto";

// A PortOne V1 payment, kept in V1's own REST shape (snake_case, unix seconds) so that the answer
// is the record minus the emulator's bookkeeping. V1 records never mix with V2's.

export type V1Status = "ready" | "paid" | "cancelled" | "failed";

export interface V1Cancellation {
  pg_tid: string;
  amount: number;
  cancelled_at: number;
  reason: string;
  cancellation_id: string;
  receipt_url: string;
}

/** One notice sent for this payment, with each attempt's outcome (HTTP status, "timeout", "error: …"). */
export interface V1WebhookLog {
  id: string;
  url: string;
  body: Record<string, string>;
  attempts: { at: number; outcome: string; ok: boolean }[];
}

export interface V1PaymentRecord {
  /** Insertion order: ties in sorting fall back to it. */
  seq: number;
  imp_uid: string;
  merchant_uid: string;
  pay_method: string;
  channel: "pc" | "mobile" | "api";
  pg_provider: string;
  pg_tid: string | null;
  pg_id: string;
  sandbox: boolean;
  escrow: boolean;
  apply_num: string | null;
  bank_code: string | null;
  bank_name: string | null;
  card_code: string | null;
  card_name: string | null;
  card_quota: number;
  card_number: string | null;
  card_type: number | null;
  vbank_code: string | null;
  vbank_name: string | null;
  vbank_num: string | null;
  vbank_holder: string | null;
  vbank_date: number;
  vbank_issued_at: number;
  name: string;
  amount: number;
  cancel_amount: number;
  currency: string;
  tax_free: number;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  user_agent: string;
  status: V1Status;
  started_at: number;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_reason: string | null;
  cancel_reason: string | null;
  receipt_url: string | null;
  cancel_history: V1Cancellation[];
  cancel_receipt_urls: string[];
  cash_receipt_issued: boolean;
  customer_uid: string | null;
  customer_uid_usage: string | null;
  // Bookkeeping, not part of the answer:
  /** Last change, unix ms (the `updated` sort). */
  updatedAtMs: number;
  /** request_pay's notice_url(s); empty = the configured V1 notice URL. */
  noticeUrls: string[];
  webhooks: V1WebhookLog[];
}

/** `imp_` + 12 digits, as PortOne's transaction ids look. */
export function newImpUid(): string {
  return `imp_${Array.from(randomBytes(12), (byte) => String(byte % 10)).join("")}`;
}

export const newV1PgTid = () => `emulv1_${randomBytes(10).toString("hex")}`;
export const newCancellationId = () => randomUUID().replace(/-/g, "").slice(0, 24);
export const unixNow = () => Math.floor(Date.now() / 1000);

/** What the REST API answers for a payment. */
export function toV1View(record: V1PaymentRecord) {
  // Bookkeeping stays out; tax_free is kept for cancels but is not a field of V1's payment answer.
  const view: Partial<V1PaymentRecord> = { ...record };
  delete view.seq;
  delete view.updatedAtMs;
  delete view.noticeUrls;
  delete view.webhooks;
  delete view.tax_free;
  return {
    ...(view as Omit<V1PaymentRecord, "seq" | "updatedAtMs" | "noticeUrls" | "webhooks" | "tax_free">),
    emb_pg_provider: null,
  };
}

export type V1PaymentView = ReturnType<typeof toV1View>;

/** What a cancel may still take. */
export const cancellableAmount = (record: V1PaymentRecord) =>
  record.status === "paid" ? record.amount - record.cancel_amount : 0;

export function touch(record: V1PaymentRecord): void {
  record.updatedAtMs = Date.now();
}

/** The time a status search filters on: the record's time for its current status. */
export function statusTime(record: V1PaymentRecord): number {
  switch (record.status) {
    case "ready":
      return record.started_at;
    case "paid":
      return record.paid_at;
    case "cancelled":
      return record.cancelled_at;
    case "failed":
      return record.failed_at;
  }
}
