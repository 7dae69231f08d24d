/**
 * Shrinks a failing history to a shorter one that still fails: drop chunks of steps, halves
 * first, then quarters, down to single steps, keeping every removal after which the history
 * still fails (a simple delta debugging). Works on indexes into the original history, so the
 * result replays with `--only`. Each try runs the history for real, so it is bounded by `budget`.
 */
export async function shrinkHistory(
  length: number,
  stillFails: (kept: number[]) => Promise<boolean>,
  budget: { runs: number; deadline: number },
): Promise<number[]> {
  let kept = Array.from({ length }, (_, index) => index);
  let runs = 0;
  const canTry = () => runs < budget.runs && Date.now() < budget.deadline;
  for (let chunk = Math.ceil(kept.length / 2); chunk >= 1 && canTry(); chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
    for (let start = 0; start < kept.length && canTry();) {
      const candidate = [...kept.slice(0, start), ...kept.slice(start + chunk)];
      runs += 1;
      if (candidate.length > 0 && (await stillFails(candidate))) kept = candidate;
      else start += chunk;
    }
  }
  return kept;
}
