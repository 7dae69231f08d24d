// PortOne retries a failed webhook up to 5 times, waiting 1, 4, 16, 64 and 256 minutes
// (4^(n-2) minutes before attempt n) plus a random jitter. `scale` compresses that for tests.
export const RETRY_WAIT_MINUTES = [1, 4, 16, 64, 256] as const;
export const MAX_WEBHOOK_EXECUTIONS = RETRY_WAIT_MINUTES.length + 1;
/** Jitter is up to this share of the wait, only ever added (never earlier than the schedule). */
export const RETRY_JITTER_SHARE = 0.1;

/** Wait in ms before execution number `nextExecution` (2..6); undefined when none is left. */
export function retryDelayMs(nextExecution: number, scale: number, random = Math.random): number | undefined {
  const minutes = RETRY_WAIT_MINUTES[nextExecution - 2];
  if (minutes === undefined) return undefined;
  const base = minutes * 60_000 * scale;
  return Math.round(base + base * RETRY_JITTER_SHARE * random());
}
