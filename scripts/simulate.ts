import { parseArgs } from "node:util";
import postgres from "postgres";
import { EmulatorClient } from "./lib/simulator/emulator-client";
import { shrinkHistory } from "./lib/simulator/shrink";
import { printHistory, replayCommand, simulateHistory, type HistoryResult } from "./lib/simulator/simulate-history";
import { startSimulationStack } from "./lib/simulator/stack";
import { exitOnSignals, shutdown } from "./lib/processes";

/**
 * `npm run simulate`: seeded histories of payments, refunds, spends, PortOne events and faults
 * against the built app (two instances on one database), the emulator and PostgreSQL, each checked
 * once settled (see scripts/lib/simulator/checks.ts). A failure prints its seed, its steps and a
 * replay command, then a shrunk history.
 *
 *   --seed S        first seed (default: random)    --seeds N     histories (default 1)
 *   --steps N       steps per history (default 40)  --minutes M   keep going for M minutes
 *   --only i,j,…    replay only these steps of the seed's history (what shrinking prints)
 *   --reuse-build   start the existing .next build  --shrink-runs N   tries when shrinking (default 12)
 *   --verbose       print every history and what the app refused along the way
 */
const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    seeds: { type: "string", default: "1" },
    steps: { type: "string", default: "40" },
    minutes: { type: "string" },
    only: { type: "string" },
    "reuse-build": { type: "boolean", default: false },
    "shrink-runs": { type: "string", default: "12" },
    verbose: { type: "boolean", default: false },
  },
});
const firstSeed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 1_000_000);
const length = Number(values.steps);
const kept = values.only?.split(",").map(Number);
const endAt = values.minutes ? Date.now() + Number(values.minutes) * 60_000 : undefined;
const seeds = Number(values.seeds);

exitOnSignals();
process.on("uncaughtException", (error) => {
  console.error(error);
  void shutdown(2);
});
process.on("unhandledRejection", (error) => {
  console.error(error);
  void shutdown(2);
});
const stack = await startSimulationStack({ reuseBuild: values["reuse-build"] });
// The observer only reads: the session refuses writes.
const sql = postgres(stack.databaseUrl, {
  max: 2,
  onnotice: () => {},
  connection: { default_transaction_read_only: true },
});
const run = { stack, sql, emulator: new EmulatorClient(stack.emulatorUrl, stack.apiSecret) };
console.log(
  `[simulate] app ${stack.instances.map((instance) => instance.url).join(" + ")}, emulator ${stack.emulatorUrl}, app logs ${stack.logFile}`,
);

const started = Date.now();
const totals = { histories: 0, steps: 0, faults: 0, checked: 0 };
let failed = 0;
for (let seed = firstSeed; endAt ? Date.now() < endAt : seed < firstSeed + seeds; seed += 1) {
  const result = await simulateHistory(run, seed, length, kept);
  totals.histories += 1;
  totals.steps += result.trace.executed;
  totals.faults += result.trace.faults;
  totals.checked += result.checked;
  const status = result.failures.length ? "FAIL" : "ok";
  console.log(
    `[simulate] seed ${seed}: ${status} (${result.trace.executed} steps, ${result.trace.faults} faults, ${result.checked} checks)`,
  );
  if (values.verbose && !result.failures.length) {
    printHistory(result);
    for (const note of result.trace.notes) console.log(`  note: ${note}`);
  }
  if (result.failures.length) {
    failed += 1;
    await report(seed, result);
  }
}
const minutes = (Date.now() - started) / 60_000;
console.log(
  `[simulate] ${totals.histories} histories in ${minutes.toFixed(1)} min (${(totals.histories / minutes).toFixed(2)}/min), ` +
    `${totals.steps} steps, ${totals.faults} faults injected, ${totals.checked} invariant checks, ${failed} failing`,
);
await sql.end();
await shutdown(failed ? 1 : 0);

async function report(seed: number, result: HistoryResult) {
  console.log(`\nseed ${seed} failed:`);
  for (const failure of result.failures) console.log(`  ✗ ${failure}`);
  console.log("history:");
  printHistory(result);
  if (result.trace.notes.length) console.log(`notes:\n  ${result.trace.notes.join("\n  ")}`);
  console.log(`replay: ${replayCommand(seed, length, kept)}`);
  const shrinkRuns = Number(values["shrink-runs"]);
  if (shrinkRuns <= 0 || result.kept.length <= 1) return;
  console.log(`shrinking (at most ${shrinkRuns} reruns)…`);
  let smallest: HistoryResult | undefined;
  const shrunk = await shrinkHistory(
    result.kept.length,
    async (positions) => {
      const attempt = await simulateHistory(
        run,
        seed,
        length,
        positions.map((position) => result.kept[position]!),
      );
      if (attempt.failures.length) smallest = attempt;
      return attempt.failures.length > 0;
    },
    { runs: shrinkRuns, deadline: Date.now() + 10 * 60_000 },
  );
  if (!smallest || shrunk.length === result.kept.length) return console.log("could not shrink it");
  console.log(`shrunk to ${smallest.kept.length} steps:`);
  for (const failure of smallest.failures) console.log(`  ✗ ${failure}`);
  printHistory(smallest);
  console.log(`replay: ${replayCommand(seed, length, smallest.kept)}\n`);
}
