import { expect as baseExpect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { AppClient } from "../../scripts/lib/simulator/app-client";
import { EmulatorClient } from "../../scripts/lib/simulator/emulator-client";
import { balanceOf, ledgerOf, paymentStatus } from "../support/db";
import { emulatorDefaults, sendSignedWebhook } from "../support/emulator";
import { TOPOLOGY_APP_URL, TOPOLOGY_EMULATOR_URL, TOPOLOGY_INSTANCE_URLS } from "../support/topology-urls";
import { describeTopology, expect, test } from "./topology-test";

const PAYMENTS = 6;
const EVERY_DOOR = [...TOPOLOGY_INSTANCE_URLS, TOPOLOGY_APP_URL];

async function portoneDeliveries(paymentId: string) {
  const response = await fetch(`${TOPOLOGY_EMULATOR_URL}/__emulator/webhooks?paymentId=${paymentId}`);
  const { attempts } = (await response.json()) as { attempts: { type: string; url: string; outcome: string }[] };
  return attempts
    .filter((attempt) => attempt.url === `${TOPOLOGY_APP_URL}/api/webhooks/portone`)
    .map(({ type, outcome }) => ({ type, outcome }));
}

describeTopology("a race storm across both instances", () => {
  test("completions, redirects and webhooks at once credit each payment exactly once", async () => {
    const answers: { what: string; status: number }[] = [];
    const app = new AppClient((what, status) => answers.push({ what, status }));
    const portone = new EmulatorClient(TOPOLOGY_EMULATOR_URL, emulatorDefaults.apiSecret);
    const email = `storm-${randomUUID()}@example.com`;
    const session = await app.signUp(TOPOLOGY_APP_URL, email, "correct-horse-battery");

    const windows = [];
    for (let i = 0; i < PAYMENTS; i += 1) {
      // Server actions only through the public origin (an instance refuses another Origin); nginx spreads them.
      const started = await app.checkout(TOPOLOGY_APP_URL, session, "points-10000", "card");
      baseExpect(started.ok, JSON.stringify(started)).toBe(true);
      const request = started.data as Record<string, unknown>;
      windows.push({ paymentId: String(request.paymentId), txId: await portone.openWindow(request, false) });
    }

    // Each approval sends PortOne's own webhook to nginx; at the same moment the browser's
    // completion, the redirect page and redelivered webhooks hit both instances and nginx.
    await Promise.all(
      windows.map(async ({ paymentId, txId }) => {
        await portone.answerWindow(txId, "approve");
        const webhook = (appUrl: string, webhookId: string) =>
          sendSignedWebhook({ appUrl, webhookId, type: "Transaction.Paid", paymentId }).then(async (response) => {
            answers.push({ what: "webhook", status: response.status });
            await response.body?.cancel();
          });
        await Promise.all(
          EVERY_DOOR.flatMap((door) => [
            app.complete(door, session, paymentId),
            app.complete(door, session, paymentId),
            app.page(door, session, `/charge/result?paymentId=${paymentId}`),
            webhook(door, `storm-${paymentId}`),
            webhook(door, `storm-${paymentId}-${new URL(door).port}`),
          ]),
        );
      }),
    );

    baseExpect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    baseExpect(answers.filter((answer) => answer.what === "complete").map((answer) => answer.status)).toEqual(
      Array(PAYMENTS * EVERY_DOOR.length * 2).fill(200),
    );
    baseExpect(answers.filter((answer) => answer.what === "webhook").map((answer) => answer.status)).toEqual(
      Array(PAYMENTS * EVERY_DOOR.length * 2).fill(200),
    );
    for (const { paymentId } of windows) {
      await expect.poll(() => paymentStatus(paymentId)).toBe("PAID");
      // PortOne's own delivery went through nginx and was taken.
      await expect
        .poll(() => portoneDeliveries(paymentId))
        .toContainEqual({ type: "Transaction.Paid", outcome: "200" });
    }
    const ledger = await ledgerOf(email);
    baseExpect(ledger.map((entry) => entry.reference).sort()).toEqual(windows.map((w) => w.paymentId).sort());
    baseExpect(ledger.every((entry) => entry.kind === "charge" && entry.paid_delta === 10_000)).toBe(true);
    expect(await balanceOf(email)).toBe(PAYMENTS * 10_300);
  });
});
