import "server-only";
import type { Payment, PaymentMethod } from "@portone/server-sdk/payment";
import { GetPaymentError } from "@portone/server-sdk/payment";
import type { VirtualAccountDetails } from "@/db/schema";
import { bankLabel, easyPayLabel } from "./labels";
import { portone } from "./client";

/** What the app needs to know of a PortOne payment, in our own shape. */
export interface PortOnePayment {
  id: string;
  status: "READY" | "PAY_PENDING" | "VIRTUAL_ACCOUNT_ISSUED" | "PAID" | "FAILED" | "PARTIAL_CANCELLED" | "CANCELLED" | "UNKNOWN";
  storeId: string;
  transactionId: string;
  channelKey: string | null;
  channelType: "TEST" | "LIVE" | null;
  pgProvider: string | null;
  amountTotal: number;
  amountCancelled: number;
  currency: string;
  methodSummary: string | null;
  /** The PG's receipt page (http or https only), once paid. */
  receiptUrl: string | null;
  virtualAccount: VirtualAccountDetails | null;
  failureReason: string | null;
  paidAt: Date | null;
  /** Cancellations PortOne completed, whoever asked for them (our refunds or its console). */
  cancellations: { id: string; amount: number }[];
  /** A cancellation PortOne accepted but the PG has not finished (status REQUESTED). */
  cancellationInProgress: boolean;
}

const KNOWN_STATUSES = new Set<string>(["READY", "PAY_PENDING", "VIRTUAL_ACCOUNT_ISSUED", "PAID", "FAILED", "PARTIAL_CANCELLED", "CANCELLED"]);

/** The payment as PortOne has it, or null when PortOne has none by that id (window never opened). */
export async function fetchPortOnePayment(paymentId: string): Promise<PortOnePayment | null> {
  try {
    return toPortOnePayment(await portone.getPayment({ paymentId }));
  } catch (error) {
    if (error instanceof GetPaymentError && error.data.type === "PAYMENT_NOT_FOUND") return null;
    throw error;
  }
}

const LIST_PAGE_SIZE = 100;
// A bound on one reconciliation's listing; a store with more changes per window needs a shorter one.
const LIST_MAX_PAGES = 50;

/** Every payment whose status changed in [from, until), as PortOne lists it (newest first). */
export async function listPortOnePayments(from: Date, until: Date): Promise<PortOnePayment[]> {
  const found: PortOnePayment[] = [];
  for (let number = 0; number < LIST_MAX_PAGES; number++) {
    const { items, page } = await portone.getPayments({
      page: { number, size: LIST_PAGE_SIZE },
      filter: { from: from.toISOString(), until: until.toISOString(), timestampType: "STATUS_CHANGED_AT" },
    });
    found.push(...items.map(toPortOnePayment));
    if (items.length < LIST_PAGE_SIZE || (number + 1) * LIST_PAGE_SIZE >= page.totalCount) break;
  }
  return found;
}

function toPortOnePayment(payment: Payment): PortOnePayment {
  // Newer API versions may add statuses the SDK does not know; treat them as "not final".
  const raw = payment as Partial<Extract<Payment, { status: "PAID" }>> & { status: string; id: string };
  const failure = "failure" in payment ? (payment.failure as { reason?: string; pgMessage?: string } | undefined) : undefined;
  const method = raw.method as PaymentMethod | undefined;
  return {
    id: raw.id,
    status: KNOWN_STATUSES.has(raw.status) ? (raw.status as PortOnePayment["status"]) : "UNKNOWN",
    storeId: raw.storeId ?? "",
    transactionId: raw.transactionId ?? "",
    channelKey: raw.channel?.key ?? null,
    channelType: raw.channel?.type === "LIVE" ? "LIVE" : raw.channel?.type === "TEST" ? "TEST" : null,
    pgProvider: raw.channel?.pgProvider ?? null,
    amountTotal: raw.amount?.total ?? 0,
    amountCancelled: raw.amount?.cancelled ?? 0,
    currency: raw.currency ?? "",
    methodSummary: method ? describeMethod(method) : null,
    receiptUrl: webUrlOrNull(raw.receiptUrl),
    virtualAccount: method?.type === "PaymentMethodVirtualAccount" ? virtualAccountOf(method) : null,
    failureReason: failure ? (failure.pgMessage ?? failure.reason ?? null) : null,
    paidAt: raw.paidAt ? new Date(raw.paidAt) : null,
    cancellations: cancellationsOf(raw)
      .filter((cancellation) => cancellation.status === "SUCCEEDED")
      .map((cancellation) => ({ id: cancellation.id, amount: cancellation.totalAmount })),
    cancellationInProgress: cancellationsOf(raw).some((cancellation) => cancellation.status === "REQUESTED"),
  };
}

// Shown as a link: anything but a web address (a javascript: URL, say) is dropped.
function webUrlOrNull(value: string | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  return ["http:", "https:"].includes(new URL(value).protocol) ? value : null;
}

const cancellationsOf = (raw: object) => (raw as { cancellations?: { id: string; status: string; totalAmount: number }[] }).cancellations ?? [];

function virtualAccountOf(method: Extract<PaymentMethod, { type: "PaymentMethodVirtualAccount" }>): VirtualAccountDetails {
  return {
    bank: bankLabel(method.bank),
    accountNumber: method.accountNumber,
    holder: method.remitteeName ?? "",
    dueAt: method.expiredAt ?? null,
  };
}

function describeMethod(method: PaymentMethod): string {
  switch (method.type) {
    case "PaymentMethodCard": {
      const card = method.card?.name ?? method.card?.publisher ?? "카드";
      const months = method.installment?.month ?? 0;
      return `${card} · ${months > 1 ? `${months}개월 할부` : "일시불"}`;
    }
    case "PaymentMethodEasyPay":
      return easyPayLabel(method.provider);
    case "PaymentMethodTransfer":
      return `계좌이체 · ${bankLabel(method.bank)}`;
    case "PaymentMethodMobile":
      return "휴대폰 결제";
    case "PaymentMethodVirtualAccount":
      return `가상계좌 · ${bankLabel(method.bank)}`;
    default:
      return "기타 결제";
  }
}
