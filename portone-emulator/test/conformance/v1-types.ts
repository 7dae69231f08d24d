// PortOne V1 (I'mport) answer shapes, written by hand from the V1 OpenAPI reference's
// definitions (ResponseAnnotation, AuthAnnotation, PaymentAnnotation, PaymentCancelAnnotation,
// PagedPaymentAnnotation, PaymentPrepareAnnotation). Required = the reference's required lists,
// except PaymentPrepareAnnotation's, which names paging fields it does not have: there the two
// fields it does have are required. The V1 conformance test turns these into JSON schemas.

/** `{code, message, response}`: code 0 and a response on success. */
interface V1Envelope<T> {
  /** 0 = success; anything else: read message. */
  code: number;
  message: string | null;
  response: T;
}

/** A refusal: a non-zero code, a message and no response. */
interface V1Failure {
  code: number;
  message: string;
  response: null;
}

interface AuthAnnotation {
  access_token: string;
  /** unix seconds */
  expired_at: number;
  now: number;
}

interface PaymentCancelAnnotation {
  pg_tid: string;
  amount: number;
  cancelled_at: number;
  reason: string;
  cancellation_id: string;
  receipt_url?: string | null;
}

type V1PaymentStatus = "ready" | "paid" | "cancelled" | "failed";

interface PaymentAnnotation {
  imp_uid: string;
  merchant_uid: string;
  pay_method?: string | null;
  channel?: "pc" | "mobile" | "api" | null;
  pg_provider?: string | null;
  emb_pg_provider?: string | null;
  pg_tid?: string | null;
  pg_id?: string | null;
  sandbox: boolean;
  escrow?: boolean | null;
  apply_num?: string | null;
  bank_code?: string | null;
  bank_name?: string | null;
  card_code?: string | null;
  card_name?: string | null;
  card_quota?: number | null;
  card_number?: string | null;
  /** 0 credit, 1 check */
  card_type?: 0 | 1 | null;
  vbank_code?: string | null;
  vbank_name?: string | null;
  vbank_num?: string | null;
  vbank_holder?: string | null;
  vbank_date?: number | null;
  vbank_issued_at?: number | null;
  name?: string | null;
  amount: number;
  cancel_amount: number;
  currency: string;
  buyer_name?: string | null;
  buyer_email?: string | null;
  buyer_tel?: string | null;
  buyer_addr?: string | null;
  buyer_postcode?: string | null;
  /** JSON text of what the page passed. */
  custom_data?: string | null;
  user_agent?: string | null;
  status: V1PaymentStatus;
  started_at?: number | null;
  paid_at?: number | null;
  failed_at?: number | null;
  cancelled_at?: number | null;
  fail_reason?: string | null;
  cancel_reason?: string | null;
  receipt_url?: string | null;
  cancel_history?: PaymentCancelAnnotation[] | null;
  cancel_receipt_urls?: string[] | null;
  cash_receipt_issued?: boolean | null;
  customer_uid?: string | null;
  customer_uid_usage?: "issue" | "payment" | "payment.scheduled" | null;
}

interface PagedPaymentAnnotation {
  total: number;
  /** previous / next page number, 0 when none */
  previous: number;
  next: number;
  list?: PaymentAnnotation[];
}

interface PaymentPrepareAnnotation {
  merchant_uid: string;
  amount: number;
  currency?: string | null;
}

/** V1 webhook (notice) body. */
interface V1Notice {
  imp_uid: string;
  merchant_uid: string;
  status: V1PaymentStatus;
  cancellation_id?: string;
}

export interface V1Answers {
  AuthResponse: V1Envelope<AuthAnnotation>;
  PaymentResponse: V1Envelope<PaymentAnnotation>;
  PaymentListResponse: V1Envelope<PagedPaymentAnnotation>;
  PaymentPrepareResponse: V1Envelope<PaymentPrepareAnnotation>;
  Failure: V1Failure;
  Notice: V1Notice;
}
