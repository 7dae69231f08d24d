import "server-only";
import { and, count, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { olderThanTime, pageOf, timeCursorText } from "@/db/keyset";
import {
  payments,
  type CashReceiptDetails,
  type CashReceiptRequest,
  type PaymentMethodDetails,
  type VirtualAccountDetails,
} from "@/db/schema";
import type { PaymentStatus } from "./sync/transitions";

/** Attempts that never brought money: listed apart on /history, so they do not read like charges. */
export const UNFINISHED_STATUSES: readonly PaymentStatus[] = ["FAILED", "EXPIRED", "REJECTED"];

/** Which payments /history lists: charges (paid, refunded or on their way) or unfinished attempts. */
export type PaymentListView = "charges" | "unfinished";

/** A payment as the owner's screens show it: never another user's, never PortOne's payload. */
export interface PaymentView {
  id: string;
  packageId: string;
  orderName: string;
  amount: number;
  currency: string;
  paidPoints: number;
  bonusPoints: number;
  payOption: string;
  /** Charged by an automatic-charge rule (자동 충전), not in a payment window. */
  automatic: boolean;
  status: PaymentStatus;
  /** Codes only; lib/portone/labels names them on screen. */
  methodDetails: PaymentMethodDetails | null;
  receiptUrl: string | null;
  virtualAccount: VirtualAccountDetails | null;
  cashReceiptRequest: CashReceiptRequest | null;
  cashReceipt: CashReceiptDetails | null;
  failureReason: string | null;
  transactionId: string | null;
  createdAt: Date;
  paidAt: Date | null;
}

const columns = {
  id: payments.id,
  packageId: payments.packageId,
  orderName: payments.orderName,
  amount: payments.amount,
  currency: payments.currency,
  paidPoints: payments.paidPoints,
  bonusPoints: payments.bonusPoints,
  payOption: payments.payOption,
  automatic: sql<boolean>`${payments.autoChargeRuleId} is not null`,
  status: payments.status,
  methodDetails: payments.methodDetails,
  receiptUrl: payments.receiptUrl,
  virtualAccount: payments.virtualAccount,
  cashReceiptRequest: payments.cashReceiptRequest,
  cashReceipt: payments.cashReceipt,
  failureReason: payments.failureReason,
  transactionId: payments.transactionId,
  createdAt: payments.createdAt,
  paidAt: payments.paidAt,
};

export async function findOwnPayment(userId: string, paymentId: string): Promise<PaymentView | null> {
  const [row] = await db
    .select(columns)
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.userId, userId)));
  return row ?? null;
}

/** Owner check without loading the row's details (completion endpoint). */
export async function isOwnPayment(userId: string, paymentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.userId, userId)));
  return row !== undefined;
}

const HISTORY_PAGE_SIZE = 10;

function ofView(view: PaymentListView) {
  const statuses = [...UNFINISHED_STATUSES];
  return view === "unfinished" ? inArray(payments.status, statuses) : notInArray(payments.status, statuses);
}

export async function listOwnPayments(userId: string, cursor: string | undefined, view: PaymentListView = "charges") {
  const rows = await db
    .select({ ...columns, cursorAt: timeCursorText(payments.createdAt) })
    .from(payments)
    .where(and(eq(payments.userId, userId), ofView(view), olderThanTime(payments.createdAt, payments.id, cursor)))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(HISTORY_PAGE_SIZE + 1);
  return pageOf(rows, HISTORY_PAGE_SIZE, (row) => [row.cursorAt, row.id]);
}

/** How many unfinished attempts the user has, for the tab that lists them. */
export async function countUnfinishedPayments(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(payments)
    .where(and(eq(payments.userId, userId), ofView("unfinished")));
  return row?.n ?? 0;
}
