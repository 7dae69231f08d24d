import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { PortOneError } from "@portone/server-sdk";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

/** PortOne did not answer in time. The request may still be carried out (a cancel, say). */
export class PortOneTimeoutError extends Error {
  constructor(operation: string, timeoutMs: number) {
    super(`PortOne ${operation}: no answer within ${timeoutMs} ms`);
    this.name = "PortOneTimeoutError";
  }
}

// PortOne's 4xx answers: certain, and the same if asked again. Anything else it answers with an
// error type (INTERNAL_SERVER_ERROR, PG_PROVIDER, one the SDK does not know) is a 5xx.
const DEFINITE_TYPES = new Set([
  "INVALID_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "PAYMENT_NOT_FOUND",
  "BILLING_KEY_NOT_FOUND",
]);

/**
 * An answer from a PortOne API the server SDK does not cover (V1's REST API): the client that
 * read it says whether asking again may help, and names its error for the logs.
 */
export class PortOneAnswerError extends Error {
  constructor(
    message: string,
    readonly errorType: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "PortOneAnswerError";
  }
}

function errorTypeOf(error: unknown): string | undefined {
  if (error instanceof PortOneAnswerError) return error.errorType;
  return error instanceof PortOneError && "data" in error ? String((error.data as { type?: unknown }).type) : undefined;
}

/** A failure worth asking again for: a timeout, no connection, a 5xx (or a body that is not PortOne's JSON). */
export function isTransientPortOneFailure(error: unknown): boolean {
  if (error instanceof PortOneTimeoutError) return true;
  if (error instanceof PortOneAnswerError) return error.transient;
  const type = errorTypeOf(error);
  if (type !== undefined) return !DEFINITE_TYPES.has(type);
  // fetch's "fetch failed" (refused, reset, DNS) is a TypeError; an HTML 502 from a proxy fails JSON parsing.
  return error instanceof TypeError || error instanceof SyntaxError;
}

/*
 * The SDK calls the global fetch and takes no signal or fetch of its own, so the timeout stops
 * our waiting, not the request: its socket is left to the server's answer (or undici's own
 * 300 s headers timeout). Patching the global fetch for this would change every fetch in the app.
 */
async function withTimeout<T>(operation: string, call: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PortOneTimeoutError(operation, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface CallContext {
  /** The SDK method, for the logs: "getPayment", "cancelPayment", … */
  operation: string;
  paymentId?: string;
}

function logFailure(context: CallContext, error: unknown, extra: Record<string, unknown> = {}) {
  const type = errorTypeOf(error);
  // A 4xx is an answer the caller handles (no such payment, already cancelled): not a failure of PortOne.
  const level = type !== undefined && !isTransientPortOneFailure(error) ? "info" : "warn";
  log[level](
    { ...context, portoneErrorType: type, error: error instanceof Error ? error.message : String(error), ...extra },
    "PortOne call failed",
  );
}

/**
 * A call that changes something at PortOne (pre-register, cancel, close an account): asked once,
 * never repeated here, since a lost answer does not mean it did not happen; callers treat a
 * timeout or 5xx as an unknown outcome and reconciliation looks PortOne up later.
 */
export async function portoneWrite<T>(
  context: CallContext,
  call: () => Promise<T>,
  timeoutMs: number = env.PORTONE_API_TIMEOUT_MS,
): Promise<T> {
  try {
    return await withTimeout(context.operation, call, timeoutMs);
  } catch (error) {
    logFailure(context, error, { retried: false });
    throw error;
  }
}

const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 2_000;

/** Exponential with jitter (half fixed, half random), so many instances do not retry in step. */
function backoffMs(retry: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * A lookup (get a payment, list payments): safe to ask again, so a timeout, lost connection or
 * 5xx is retried up to PORTONE_READ_RETRIES times with backoff. A 4xx is PortOne's answer and
 * is returned at once.
 */
export async function portoneRead<T>(context: CallContext, call: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await withTimeout(context.operation, call, env.PORTONE_API_TIMEOUT_MS);
    } catch (error) {
      const again = isTransientPortOneFailure(error) && retry < env.PORTONE_READ_RETRIES;
      const delayMs = again ? backoffMs(retry) : undefined;
      logFailure(context, error, { attempt: retry + 1, ...(again ? { retryInMs: delayMs } : {}) });
      if (!again) throw error;
      await sleep(delayMs);
    }
  }
}
