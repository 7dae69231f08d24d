import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id-token";

export { REQUEST_ID_HEADER, requestIdFrom };

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request the current code runs for, if it runs for one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `work` with `requestId` as the id every log line it writes carries. */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** A route handler's work under the request's id, which its answer names in `x-request-id`. */
export async function withRequestId(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const response = await runWithRequestId(requestId, handle);
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
  } catch {
    // a response whose headers are immutable (a redirect) goes out without it
  }
  return response;
}

/**
 * Server actions and pages: the id proxy.ts put on the request (or the caller's). Outside a
 * request (scripts, tests) Next has no headers and a fresh id is used.
 */
export async function withIncomingRequestId<T>(work: () => Promise<T>): Promise<T> {
  if (currentRequestId()) return work();
  let incoming: string | null = null;
  try {
    const { headers } = await import("next/headers");
    incoming = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // not inside a request
  }
  return runWithRequestId(requestIdFrom(incoming), work);
}
