import "server-only";
import type { PortOnePayment } from "../payments";
import type { PaymentPageOptions } from "../provider";
import { PortOneV1Error, type PortOneV1Client } from "./client";
import { toPortOnePayment, weightOf, type V1Payment } from "./payment";

interface V1Page {
  next: number;
  list: V1Payment[];
}

const LIST_PAGE_SIZE = 100;
// V1 lists at most 90 days per request (inclusive bounds, unix seconds).
const MAX_SPAN_S = 90 * 24 * 3600;

/**
 * Every V1 payment whose time for its status (started, paid, cancelled, failed) lies in
 * [from, until), a page at a time. V1 has no list by change, only pages of an offset list: pages
 * are read in order of start (which never changes, so new payments join the end) and each
 * imp_uid is handed over once; a payment that changes status during the walk may shift a row to
 * a page already read, and the next run finds it. A partial cancel keeps a payment "paid" at its
 * old paid_at, so it is not listed again: its notice (or the payment's page) brings it in.
 * Attempts of one merchant_uid are handed over as the one that counts (see attemptThatCounts).
 */
export async function forEachV1PaymentPage(
  client: PortOneV1Client,
  storeId: string,
  from: Date,
  until: Date,
  handle: (page: PortOnePayment[]) => Promise<void>,
  { pageSize = LIST_PAGE_SIZE, beforeEachPage }: PaymentPageOptions = {},
): Promise<number> {
  const seenImpUids = new Set<string>();
  // The weight each merchant_uid was handed over with: a weightier attempt later is handed over again.
  const handedOver = new Map<string, number>();
  let count = 0;
  const last = Math.ceil(until.getTime() / 1000) - 1;
  for (let start = Math.floor(from.getTime() / 1000); start <= last; start += MAX_SPAN_S + 1) {
    const end = Math.min(last, start + MAX_SPAN_S);
    for (let number = 1; number > 0;) {
      beforeEachPage?.();
      const page = await readPage(client, { start, end, number, pageSize });
      if (!page) break;
      const fresh = page.list.filter((payment) => !seenImpUids.has(payment.imp_uid));
      for (const payment of fresh) seenImpUids.add(payment.imp_uid);
      const chosen = new Map<string, V1Payment>();
      for (const payment of fresh) {
        const weight = weightOf(payment);
        const best = chosen.get(payment.merchant_uid);
        if ((handedOver.get(payment.merchant_uid) ?? -1) >= weight) continue;
        if (!best || weightOf(best) < weight) chosen.set(payment.merchant_uid, payment);
      }
      const listed = [...chosen.values()];
      for (const payment of listed) handedOver.set(payment.merchant_uid, weightOf(payment));
      if (listed.length > 0) await handle(listed.map((payment) => toPortOnePayment(payment, storeId)));
      count += listed.length;
      number = page.next;
    }
  }
  return count;
}

async function readPage(
  client: PortOneV1Client,
  { start, end, number, pageSize }: { start: number; end: number; number: number; pageSize: number },
): Promise<V1Page | undefined> {
  const query = new URLSearchParams({
    from: String(start),
    to: String(end),
    page: String(number),
    limit: String(pageSize),
    sorting: "started",
  });
  try {
    return await client.read<V1Page>("listPayments", `/payments/status/all?${query}`);
  } catch (error) {
    // The list shrank under the walk (a payment moved out of the window): that page is past its end.
    if (number > 1 && error instanceof PortOneV1Error && error.httpStatus === 400) return undefined;
    throw error;
  }
}
