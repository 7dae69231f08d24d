import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { payments, users } from "@/db/schema";
import type { PaymentStatus } from "./sync/transitions";

/** What an open payment's page watches for: its status and the owner's balance, never PortOne. */
export interface PaymentWatch {
  status: PaymentStatus;
  /** Changes whenever the status or the balance does; the page re-renders only then. */
  version: string;
}

/**
 * One indexed read of our own rows, cheap enough to be polled by every open page of every
 * instance: the webhook (or any other sync) moves the row, the page notices. The owner only.
 */
export async function watchOwnPayment(userId: string, paymentId: string): Promise<PaymentWatch | null> {
  const [row] = await db
    .select({ status: payments.status, paid: users.paidBalance, bonus: users.bonusBalance })
    .from(payments)
    .innerJoin(users, eq(users.id, payments.userId))
    .where(and(eq(payments.id, paymentId), eq(payments.userId, userId)));
  if (!row) return null;
  return { status: row.status, version: `${row.status}:${row.paid}:${row.bonus}` };
}
