export const REQUEST_ID_HEADER = "x-request-id";

// An id a load balancer or caller sent is kept when it is a short plain token; anything else
// (long, spaces, control characters, a log-injection attempt) is replaced with our own.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The caller's request id when it is sane, else a fresh one. Pure, so proxy.ts can use it too. */
export function requestIdFrom(value: string | null | undefined): string {
  return value && SANE_REQUEST_ID.test(value) ? value : crypto.randomUUID();
}
