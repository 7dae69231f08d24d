import type { AppClient, ReconcileAnswer } from "./app-client";
import type { Run, Trace } from "./runner";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The end of a history: faults lifted, PortOne's pending cancellations settled, webhooks given
 * time to land, then reconciliation (every row counts as stale now: the windows are all over)
 * until a run finds nothing to fix. Answers that last run, or the last of `maxRuns`.
 */
export async function settle(
  run: Run,
  app: AppClient,
  trace: Trace,
  maxRuns = 4,
): Promise<{ last: ReconcileAnswer; runs: number }> {
  await run.emulator.liftFaults();
  const deadline = Date.now() + 5_000;
  for (const { id } of trace.payments.values()) {
    for (;;) {
      const requested =
        (await run.emulator.rawPayment(id))?.cancellations?.filter(
          (cancellation) => cancellation.status === "REQUESTED",
        ) ?? [];
      if (requested.length === 0) break;
      if (Date.now() > deadline) {
        for (const cancellation of requested) await run.emulator.settleCancellation(id, cancellation.id, "succeed");
      } else {
        await sleep(200);
      }
    }
  }
  // Delayed and reordered webhooks (at most 1.5 s) and compressed retries.
  await sleep(2_000);
  const base = run.stack.instances[0]!.url;
  let last = await app.reconcile(base, 0);
  let runs = 1;
  while (somethingToFix(last) && runs < maxRuns) {
    await sleep(500);
    last = await app.reconcile(base, 0);
    runs += 1;
  }
  return { last, runs };
}

export function somethingToFix(answer: ReconcileAnswer): boolean {
  return (
    answer.changes.length > 0 ||
    answer.refunds.length > 0 ||
    answer.rejected.length > 0 ||
    answer.unknownAtPortOne.length > 0 ||
    answer.ledgerViolations.length > 0 ||
    answer.errors.length > 0
  );
}
