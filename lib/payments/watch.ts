import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { payments, refunds, users } from "@/db/schema";
import type { PaymentStatus } from "./sync/transitions";

/**
 * What the page of an open payment, or of one with a refund in flight, watches for: its status,
 * its refunds awaiting PortOne and the owner's balance, never PortOne itself.
 */
export interface PaymentWatch {
  status: PaymentStatus;
  /** Our refunds of it that PortOne has not answered yet (the PG refunds some later). */
  refundsInFlight: number;
  /** Changes whenever the status, a refund's outcome or the balance does; the page re-renders only then. */
  version: string;
}

/**
 * One indexed read of our own rows, cheap enough to be polled by every open page of every
 * instance: the webhook (or any other sync) moves the row, the page notices. The owner only.
 */
export async function watchOwnPayment(userId: string, paymentId: string): Promise<PaymentWatch | null> {
  const [row] = await db
    .select({
      status: payments.status,
      paid: users.paidBalance,
      bonus: users.bonusBalance,
      refundsInFlight: sql<number>`(select count(*)::int from ${refunds} where ${refunds.paymentId} = ${payments.id} and ${refunds.status} = 'REQUESTED')`,
    })
    .from(payments)
    .innerJoin(users, eq(users.id, payments.userId))
    .where(and(eq(payments.id, paymentId), eq(payments.userId, userId)));
  if (!row) return null;
  return {
    status: row.status,
    refundsInFlight: row.refundsInFlight,
    version: `${row.status}:${row.refundsInFlight}:${row.paid}:${row.bonus}`,
  };
}
