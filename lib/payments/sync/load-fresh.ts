import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { payments } from "@/db/schema";
import { log } from "@/lib/observability/log";
import { withIncomingRequestId } from "@/lib/observability/request-id";
import { findOwnPayment, type PaymentView } from "../queries";
import { syncPayment } from "./sync-payment";
import { FINAL_STATUSES } from "./transitions";

// Page views ask PortOne about an open payment freely for the first ten looks (the result page,
// its refresh, the payment's page, a few reloads), then at most 5 s after the last look, twice as long after each
// further one (10 s, 20 s, …) and never less often than every 5 minutes. Reloads, several tabs and
// instances share the pace (it is kept on the row); the webhook and the reconciler move the row
// meanwhile, and open pages watch the row, not PortOne. A virtual account past its due date is
// always looked up: no webhook tells that it expired, and the look ends it.
export const PAGE_CHECK_FREE_LOOKS = 10;
export const PAGE_CHECK_FIRST_WAIT_SECONDS = 5;
export const PAGE_CHECK_MAX_WAIT_SECONDS = 300;

/** Claims this view's look at PortOne, or says it is too soon after the last one. */
async function claimPageCheck(userId: string, paymentId: string): Promise<boolean> {
  const wait = sql`least(${PAGE_CHECK_FIRST_WAIT_SECONDS} * power(2, least(greatest(${payments.pageChecks} - ${PAGE_CHECK_FREE_LOOKS}, 0), 16)), ${PAGE_CHECK_MAX_WAIT_SECONDS})`;
  const claimed = await db
    .update(payments)
    .set({ pageChecks: sql`${payments.pageChecks} + 1`, pageCheckedAt: sql`now()` })
    .where(
      and(
        eq(payments.id, paymentId),
        eq(payments.userId, userId),
        or(
          isNull(payments.pageCheckedAt),
          lt(payments.pageChecks, PAGE_CHECK_FREE_LOOKS),
          sql`${payments.pageCheckedAt} <= now() - ${wait} * interval '1 second'`,
          and(
            eq(payments.status, "VIRTUAL_ACCOUNT_ISSUED"),
            sql`(${payments.virtualAccount}->>'dueAt')::timestamptz < now()`,
          ),
        ),
      ),
    )
    .returning({ id: payments.id });
  return claimed.length > 0;
}

/**
 * The owner's payment, synced with PortOne first unless it is already final or a page looked
 * too recently (see above): our own row is read first. A sync that fails (PortOne slow or down)
 * still shows the last known state; the page keeps checking. `changed` tells the page that the
 * layout (header balance), rendered alongside, may show the old state.
 *
 * `buyerReturned`: the buyer is looking at our page, not at PortOne's window, so a window PortOne
 * never saw completed (no payment, or only READY) is over and expires now rather than after the
 * reconciler's 30 minutes. Safe: money that still arrives later is credited by the same sync.
 */
export async function loadOwnPaymentFresh(
  userId: string,
  paymentId: string,
  { buyerReturned = false }: { buyerReturned?: boolean } = {},
): Promise<{ payment: PaymentView; changed: boolean } | null> {
  return withIncomingRequestId(() => loadFresh(userId, paymentId, buyerReturned));
}

async function loadFresh(userId: string, paymentId: string, buyerReturned: boolean) {
  const known = await findOwnPayment(userId, paymentId);
  if (!known) return null;
  if (FINAL_STATUSES.includes(known.status)) return { payment: known, changed: false };
  if (!(await claimPageCheck(userId, paymentId))) {
    log.debug({ paymentId }, "page view too soon after the last look at PortOne: showing our row");
    return { payment: known, changed: false };
  }
  try {
    await syncPayment(paymentId, { abandoned: buyerReturned });
  } catch (error) {
    log.warn({ paymentId, err: error }, "payment sync failed; showing the last known state");
    return { payment: known, changed: false };
  }
  const fresh = (await findOwnPayment(userId, paymentId)) ?? known;
  return { payment: fresh, changed: fresh.status !== known.status };
}
