import type postgres from "postgres";
import { AppClient, type Session } from "./app-client";
import type { EmulatorClient } from "./emulator-client";
import { executeStep } from "./execute-step";
import { FAULT_OPS, type Step } from "./steps";
import type { SimulationStack } from "./stack";

export interface Run {
  stack: SimulationStack;
  emulator: EmulatorClient;
  sql: postgres.Sql;
}

/** What executing a history left behind, for the checks and the report. */
export interface Trace {
  users: Map<string, Session & { id: string }>;
  payments: Map<string, { id: string; user: string }>;
  /** Each user's registered card (billing key), once enableAutoCharge has made one. */
  cards: Map<string, string>;
  /** Payments named by an API error or hang fault ("*" = a global one): their 5xx are the emulator's doing. */
  apiFaulted: Set<string>;
  responses: { step: number; what: string; status: number; payment?: string }[];
  /** Answers to one Idempotency-Key that should all be the same. */
  replays: { order: string; answers: string[] }[];
  notes: string[];
  executed: number;
  faults: number;
}

/** Executes the steps in order against the running stack. A step naming a label nobody created is skipped. */
export async function runHistory(run: Run, steps: Step[], seed: number): Promise<{ trace: Trace; app: AppClient }> {
  const trace: Trace = {
    users: new Map(),
    payments: new Map(),
    cards: new Map(),
    apiFaulted: new Set(),
    responses: [],
    replays: [],
    notes: [],
    executed: 0,
    faults: 0,
  };
  let current = -1;
  const app = new AppClient((what, status) => {
    const step = steps[current];
    trace.responses.push({
      step: current,
      what,
      status,
      payment: step && "payment" in step ? (step.payment ?? undefined) : undefined,
    });
  });
  const down = new Set<number>();
  let dying: number | undefined;
  const pending: Promise<unknown>[] = [];
  // Alternate between the instances, as a load balancer would; a dying one still gets the next step.
  const baseUrl = (index: number) => {
    const preferred = dying ?? index % 2;
    return run.stack.instances[down.has(preferred) ? 1 - preferred : preferred]!.url;
  };

  for (const [index, step] of steps.entries()) {
    current = index;
    try {
      if (step.op === "crash") {
        // Killed `afterMs` into the next step, which is sent to it, so requests are cut mid-way.
        dying = step.instance;
        const kill = new Promise((resolve) => setTimeout(resolve, step.afterMs)).then(() => {
          run.stack.kill(step.instance);
          down.add(step.instance);
          dying = undefined;
        });
        if (step.afterMs) pending.push(kill);
        else await kill;
      } else if (step.op === "restart") {
        await Promise.all(pending);
        if (!down.has(step.instance)) continue;
        await run.stack.start(step.instance);
        down.delete(step.instance);
      } else if (!(await executeStep({ ...run, app, trace, step, seed, base: baseUrl(index) }))) {
        trace.notes.push(`step ${index} (${step.op}) skipped: nothing to do`);
        continue;
      }
      trace.executed += 1;
      // A raced refund is a hang fault on its cancel call.
      const raced = step.op === "refund" && step.race !== undefined;
      if (FAULT_OPS.has(step.op) || raced) trace.faults += 1;
      if ((step.op === "apiFault" && step.kind !== "stale") || raced) trace.apiFaulted.add(step.payment ?? "*");
    } catch (error) {
      trace.notes.push(`step ${index} (${step.op}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await Promise.all(pending);
  for (const instance of down) await run.stack.start(instance);
  current = steps.length;
  return { trace, app };
}
