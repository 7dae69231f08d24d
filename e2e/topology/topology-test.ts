import { test as charging } from "../support/fixtures";
import { TOPOLOGY_APP_URL, topologyPrograms } from "../support/topology-urls";
import { waitForApp } from "../support/wait-for-app";

const programs = topologyPrograms();
if ("missing" in programs) console.log(`[topology] ${programs.missing}`);

/**
 * The charging fixtures against the production topology (nginx → two instances → PgBouncer),
 * whose origin is the project's baseURL. Without PgBouncer or nginx every spec is skipped, saying
 * which packages to install.
 */
export const test = charging;

export function describeTopology(title: string, body: () => void) {
  test.describe(title, () => {
    test.skip("missing" in programs, "missing" in programs ? programs.missing : "");
    // The e2e stack starts the topology beside the app Playwright waits for.
    test.beforeAll(async () => waitForApp(TOPOLOGY_APP_URL, 100_000));
    body();
  });
}

export { expect } from "../support/fixtures";
