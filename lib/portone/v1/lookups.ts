import "server-only";
import type { PortOnePayment } from "../payments";
import { PortOneV1Error, type PortOneV1Client } from "./client";
import { attemptThatCounts, toPortOnePayment, type V1Payment } from "./payment";

interface V1Page {
  total: number;
  /** The next page's number, 0 when this is the last. */
  next: number;
  list: V1Payment[];
}

// Attempts of one merchant_uid: a checkout rarely has more than a few.
const ATTEMPTS_PER_ORDER = 100;

const segment = (value: string) => encodeURIComponent(value);

/** The attempt of our payment (V1's merchant_uid) that counts, or undefined when V1 has none. */
export async function findAttempt(client: PortOneV1Client, paymentId: string): Promise<V1Payment | undefined> {
  try {
    const page = await client.read<V1Page>(
      "findAllPayments",
      `/payments/findAll/${segment(paymentId)}?sorting=-started&limit=${ATTEMPTS_PER_ORDER}`,
      paymentId,
    );
    return attemptThatCounts(page.list);
  } catch (error) {
    if (error instanceof PortOneV1Error && error.notFound) return undefined;
    throw error;
  }
}

/** One attempt by V1's own id (a notice names it), or undefined when V1 has none by that id. */
export async function findAttemptByImpUid(client: PortOneV1Client, impUid: string): Promise<V1Payment | undefined> {
  try {
    return await client.read<V1Payment>("getPayment", `/payments/${segment(impUid)}`);
  } catch (error) {
    if (error instanceof PortOneV1Error && error.notFound) return undefined;
    throw error;
  }
}

export async function fetchV1Payment(
  client: PortOneV1Client,
  storeId: string,
  paymentId: string,
): Promise<PortOnePayment | null> {
  const attempt = await findAttempt(client, paymentId);
  return attempt ? toPortOnePayment(attempt, storeId) : null;
}
