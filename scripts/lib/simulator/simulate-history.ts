import { checkHistory, type Verdict } from "./checks";
import { generateHistory } from "./generator";
import { runHistory, type Run, type Trace } from "./runner";
import { settle } from "./settle";
import { describe, type Step } from "./steps";

export interface HistoryResult extends Verdict {
  trace: Trace;
  steps: Step[];
  kept: number[];
}

/** The steps of `seed`'s history, or only those at `kept` (a shrunk one). */
export function historyOf(seed: number, length: number, kept?: number[]): { steps: Step[]; kept: number[] } {
  const all = generateHistory(seed, length);
  const indexes = kept ?? all.map((_, index) => index);
  return { steps: indexes.map((index) => all[index]!), kept: indexes };
}

/** One history on a fresh PortOne (the database keeps earlier ones), settled and checked. */
export async function simulateHistory(run: Run, seed: number, length: number, kept?: number[]): Promise<HistoryResult> {
  const history = historyOf(seed, length, kept);
  await run.emulator.reset();
  const { trace, app } = await runHistory(run, history.steps, seed);
  const { last } = await settle(run, app, trace);
  return { ...(await checkHistory(run, trace, last)), trace, ...history };
}

export function replayCommand(seed: number, length: number, kept?: number[]): string {
  return `npm run simulate -- --seed ${seed} --steps ${length}${kept ? ` --only ${kept.join(",")}` : ""}`;
}

export function printHistory(result: Pick<HistoryResult, "steps" | "kept">): void {
  for (const [position, step] of result.steps.entries())
    console.log(`  ${String(result.kept[position]).padStart(3)}. ${describe(step)}`);
}
