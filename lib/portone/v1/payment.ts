import "server-only";
import type { PaymentMethodDetails, VirtualAccountDetails } from "@/db/schema";
import { type PortOnePayment, webUrlOrNull } from "../payments";
import { toMinorUnits } from "./amounts";
import { bankOfStandardCode, cardCompanyOfStandardCode, easyPayProviderOf } from "./codes";

/** The fields of V1's payment answer (GET /payments/{imp_uid}) the app reads; times are unix seconds, 0 = never. */
export interface V1Payment {
  imp_uid: string;
  merchant_uid: string;
  pay_method?: string | null;
  pg_provider?: string | null;
  pg_id?: string | null;
  sandbox?: boolean;
  amount: number;
  cancel_amount: number;
  currency: string;
  status: string;
  bank_code?: string | null;
  card_code?: string | null;
  card_quota?: number | null;
  vbank_code?: string | null;
  vbank_num?: string | null;
  vbank_holder?: string | null;
  vbank_date?: number | null;
  vbank_issued_at?: number | null;
  started_at?: number | null;
  paid_at?: number | null;
  fail_reason?: string | null;
  receipt_url?: string | null;
  cancel_history?: {
    pg_tid?: string | null;
    amount: number;
    cancelled_at?: number | null;
    cancellation_id?: string | null;
  }[];
}

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

const isIssuedAccount = (payment: V1Payment) => payment.pay_method === "vbank" && Boolean(payment.vbank_issued_at);

// How much a V1 attempt matters to the money: one holding it, then one that held it and gave it
// back (its cancellations must be taken back), then an account still open for a deposit.
export function weightOf(payment: V1Payment): number {
  if (payment.status === "paid") return 3;
  if (payment.status === "cancelled" && payment.paid_at) return 2;
  if (payment.status === "ready" && isIssuedAccount(payment)) return 1;
  return 0;
}

/**
 * V1 allows several attempts (imp_uids) under one merchant_uid, our paymentId: a declined card
 * and then a paid one, say. The payment the app speaks of is the attempt that matters most to the
 * money, the newest among equals.
 */
export function attemptThatCounts(attempts: V1Payment[]): V1Payment | undefined {
  return [...attempts].sort((a, b) => weightOf(b) - weightOf(a) || (b.started_at ?? 0) - (a.started_at ?? 0))[0];
}

function statusOf(payment: V1Payment): PortOnePayment["status"] {
  switch (payment.status) {
    case "ready":
      return isIssuedAccount(payment) ? "VIRTUAL_ACCOUNT_ISSUED" : "READY";
    case "paid":
      // V1 keeps a partly cancelled payment "paid"; the app's state machine wants V2's distinction.
      return payment.cancel_amount > 0 ? "PARTIAL_CANCELLED" : "PAID";
    case "cancelled":
      return "CANCELLED";
    case "failed":
      return "FAILED";
    default:
      return "UNKNOWN";
  }
}

function methodDetailsOf(payment: V1Payment): PaymentMethodDetails | null {
  const method = payment.pay_method;
  if (!method) return null;
  switch (method) {
    case "card":
      return {
        type: "CARD",
        publisher: cardCompanyOfStandardCode(payment.card_code),
        installmentMonths: payment.card_quota ?? 0,
      };
    case "trans":
      return { type: "TRANSFER", bank: bankOfStandardCode(payment.bank_code) };
    case "vbank":
      return { type: "VIRTUAL_ACCOUNT", bank: bankOfStandardCode(payment.vbank_code) };
    case "phone":
      return { type: "MOBILE" };
    default: {
      const provider = easyPayProviderOf(method);
      return provider ? { type: "EASY_PAY", provider } : { type: "OTHER" };
    }
  }
}

function virtualAccountOf(payment: V1Payment): VirtualAccountDetails | null {
  if (!isIssuedAccount(payment) || !payment.vbank_num) return null;
  return {
    bank: bankOfStandardCode(payment.vbank_code),
    accountNumber: payment.vbank_num,
    holder: payment.vbank_holder ?? "",
    dueAt: fromUnix(payment.vbank_date)?.toISOString() ?? null,
  };
}

/**
 * A V1 cancellation's id: its cancellation_id, or for PGs that give none its PG transaction id;
 * failing both, its place in the history (append-only, so the id never changes).
 */
export const cancellationIdOf = (payment: V1Payment, index: number) => {
  const entry = payment.cancel_history?.[index];
  return entry?.cancellation_id || entry?.pg_tid || `${payment.imp_uid}-cancel-${index + 1}`;
};

/**
 * V1's payment in the app's shape: our paymentId is V1's merchant_uid, PortOne's transaction id
 * its imp_uid. V1's answer names no store (the token is the store's), so `storeId` is the merchant
 * code the token was issued for. The "channel" is V1's `pg` parameter, `{pg_provider}.{pg_id}`,
 * which is how a V1 store configures a PG per pay method.
 */
export function toPortOnePayment(payment: V1Payment, storeId: string): PortOnePayment {
  const currency = payment.currency;
  const cancellations = (payment.cancel_history ?? []).map((entry, index) => ({
    id: cancellationIdOf(payment, index),
    amount: toMinorUnits(entry.amount, currency),
  }));
  return {
    id: payment.merchant_uid,
    status: statusOf(payment),
    storeId,
    transactionId: payment.imp_uid,
    channelKey: payment.pg_provider ? [payment.pg_provider, payment.pg_id].filter(Boolean).join(".") : null,
    channelType: payment.sandbox === undefined ? null : payment.sandbox ? "TEST" : "LIVE",
    pgProvider: payment.pg_provider ?? null,
    amountTotal: toMinorUnits(payment.amount, currency),
    amountCancelled: toMinorUnits(payment.cancel_amount, currency),
    currency,
    methodDetails: methodDetailsOf(payment),
    receiptUrl: webUrlOrNull(payment.receipt_url),
    virtualAccount: virtualAccountOf(payment),
    // V1 says only whether one was issued (cash_receipt_issued), not its number or page.
    cashReceipt: null,
    failureReason: payment.status === "failed" ? (payment.fail_reason ?? null) : null,
    paidAt: fromUnix(payment.paid_at),
    cancellations,
    // V1's cancels finish before it answers: none is ever left in progress.
    cancellationInProgress: false,
    cancellationStatuses: Object.fromEntries(cancellations.map(({ id }) => [id, "SUCCEEDED" as const])),
  };
}
