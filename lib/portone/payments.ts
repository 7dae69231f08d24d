import "server-only";
import type { Payment, PaymentCashReceipt, PaymentMethod } from "@portone/server-sdk/payment";
import { GetPaymentError } from "@portone/server-sdk/payment";
import type { CashReceiptDetails, PaymentMethodDetails, VirtualAccountDetails } from "@/db/schema";
import { portoneRead } from "./call";
import { portone } from "./client";
import { methodDetailsOf } from "./method-details";

/** What the app needs to know of a PortOne payment, in our own shape. */
export interface PortOnePayment {
  id: string;
  status:
    | "READY"
    | "PAY_PENDING"
    | "VIRTUAL_ACCOUNT_ISSUED"
    | "PAID"
    | "FAILED"
    | "PARTIAL_CANCELLED"
    | "CANCELLED"
    | "UNKNOWN";
  storeId: string;
  transactionId: string;
  channelKey: string | null;
  channelType: "TEST" | "LIVE" | null;
  pgProvider: string | null;
  amountTotal: number;
  amountCancelled: number;
  currency: string;
  /** How it was paid, by PortOne's codes (screens name them through lib/portone/labels). */
  methodDetails: PaymentMethodDetails | null;
  /** The PG's receipt page (http or https only), once paid. */
  receiptUrl: string | null;
  virtualAccount: VirtualAccountDetails | null;
  /** The cash receipt the PG issued (or cancelled since), when one was asked for. */
  cashReceipt: CashReceiptDetails | null;
  failureReason: string | null;
  paidAt: Date | null;
  /** Cancellations PortOne completed, whoever asked for them (our refunds or its console). */
  cancellations: { id: string; amount: number }[];
  /** A cancellation PortOne accepted but the PG has not finished (status REQUESTED). */
  cancellationInProgress: boolean;
  /** Every cancellation by id, completed or not: how a requested one ended. */
  cancellationStatuses: Record<string, "SUCCEEDED" | "REQUESTED" | "FAILED">;
}

const KNOWN_STATUSES = new Set<string>([
  "READY",
  "PAY_PENDING",
  "VIRTUAL_ACCOUNT_ISSUED",
  "PAID",
  "FAILED",
  "PARTIAL_CANCELLED",
  "CANCELLED",
]);

/** The payment as PortOne has it, or null when PortOne has none by that id (window never opened). */
export async function fetchPortOnePayment(paymentId: string): Promise<PortOnePayment | null> {
  try {
    return toPortOnePayment(
      await portoneRead({ operation: "getPayment", paymentId }, () => portone.getPayment({ paymentId })),
    );
  } catch (error) {
    if (error instanceof GetPaymentError && error.data.type === "PAYMENT_NOT_FOUND") return null;
    throw error;
  }
}

const LIST_PAGE_SIZE = 100;

/**
 * Every payment whose status changed in [from, until), oldest change first, handed over a page at
 * a time, however many there are. Each request starts at the last change already seen (PortOne's
 * page numbers are used only inside a single instant that fills whole pages), so no request goes
 * deep into an offset list that shifts while it is read, and memory holds one page.
 */
export async function forEachPortOnePaymentPage(
  from: Date,
  until: Date,
  handle: (page: PortOnePayment[]) => Promise<void>,
  { pageSize = LIST_PAGE_SIZE, beforeEachPage }: { pageSize?: number; beforeEachPage?: () => void } = {},
): Promise<number> {
  let start = from;
  let number = 0;
  // Ids already handed over that changed at `start` exactly (the next request lists them again).
  let seenAtStart = new Set<string>();
  let count = 0;
  for (;;) {
    beforeEachPage?.();
    const { items } = await portoneRead({ operation: "getPayments" }, () =>
      portone.getPayments({
        page: { number, size: pageSize },
        filter: {
          from: start.toISOString(),
          until: until.toISOString(),
          timestampType: "STATUS_CHANGED_AT",
          sortBy: "STATUS_CHANGED_AT",
          sortOrder: "ASC",
        },
      }),
    );
    const listed = items.map((item) => ({
      payment: toPortOnePayment(item),
      changedAt: Date.parse((item as { statusChangedAt?: string }).statusChangedAt ?? ""),
    }));
    const fresh = listed.filter(({ payment }) => !seenAtStart.has(payment.id)).map(({ payment }) => payment);
    if (fresh.length > 0) await handle(fresh);
    count += fresh.length;
    if (items.length < pageSize) return count;
    const lastAt = listed[listed.length - 1]!.changedAt;
    const atLast = listed.filter(({ changedAt }) => changedAt === lastAt).map(({ payment }) => payment.id);
    if (lastAt > start.getTime()) {
      start = new Date(lastAt);
      number = 0;
      seenAtStart = new Set(atLast);
    } else {
      // The whole page changed in the instant the request started at: page through that instant.
      number += 1;
      for (const id of atLast) seenAtStart.add(id);
    }
  }
}

function toPortOnePayment(payment: Payment): PortOnePayment {
  // Newer API versions may add statuses the SDK does not know; treat them as "not final".
  const raw = payment as Partial<Extract<Payment, { status: "PAID" }>> & { status: string; id: string };
  const failure =
    "failure" in payment ? (payment.failure as { reason?: string; pgMessage?: string } | undefined) : undefined;
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
    methodDetails: method ? methodDetailsOf(method) : null,
    receiptUrl: webUrlOrNull(raw.receiptUrl),
    virtualAccount: method?.type === "PaymentMethodVirtualAccount" ? virtualAccountOf(method) : null,
    cashReceipt: cashReceiptOf(raw.cashReceipt),
    failureReason: failure ? (failure.pgMessage ?? failure.reason ?? null) : null,
    paidAt: raw.paidAt ? new Date(raw.paidAt) : null,
    cancellations: cancellationsOf(raw)
      .filter((cancellation) => cancellation.status === "SUCCEEDED")
      .map((cancellation) => ({ id: cancellation.id, amount: cancellation.totalAmount })),
    cancellationInProgress: cancellationsOf(raw).some((cancellation) => cancellation.status === "REQUESTED"),
    cancellationStatuses: Object.fromEntries(
      cancellationsOf(raw).flatMap((cancellation) =>
        cancellation.status === "SUCCEEDED" || cancellation.status === "REQUESTED" || cancellation.status === "FAILED"
          ? [[cancellation.id, cancellation.status]]
          : [],
      ),
    ),
  };
}

// Shown as a link: anything but a web address (a javascript: URL, say) is dropped.
export function webUrlOrNull(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  return ["http:", "https:"].includes(new URL(value).protocol) ? value : null;
}

function cashReceiptOf(receipt: PaymentCashReceipt | undefined): CashReceiptDetails | null {
  if (!receipt || (receipt.status !== "ISSUED" && receipt.status !== "CANCELLED")) return null;
  return {
    status: receipt.status,
    issueNumber: receipt.issueNumber,
    url: webUrlOrNull(receipt.url),
    issuedAt: receipt.issuedAt,
    cancelledAt: receipt.status === "CANCELLED" ? receipt.cancelledAt : null,
  };
}

const cancellationsOf = (raw: object) =>
  (raw as { cancellations?: { id: string; status: string; totalAmount: number }[] }).cancellations ?? [];

function virtualAccountOf(
  method: Extract<PaymentMethod, { type: "PaymentMethodVirtualAccount" }>,
): VirtualAccountDetails {
  return {
    bank: method.bank,
    accountNumber: method.accountNumber,
    holder: method.remitteeName ?? "",
    dueAt: method.expiredAt ?? null,
  };
}
