import { expect as baseExpect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { AppClient } from "../../scripts/lib/simulator/app-client";
import { EmulatorClient } from "../../scripts/lib/simulator/emulator-client";
import { balanceOf, ledgerOf, sql, userIdOf } from "../support/db";
import { emulatorDefaults } from "../support/emulator";
import { spendAsService } from "../support/service-api";
import { TOPOLOGY_APP_URL, TOPOLOGY_EMULATOR_URL, TOPOLOGY_INSTANCE_URLS } from "../support/topology-urls";
import { describeTopology, expect, test } from "./topology-test";

async function spendAt(instanceUrl: string, userId: string, amount: number) {
  const response = await spendAsService({ userId, amount, description: "게임 아이템" }, { baseUrl: instanceUrl });
  return response.status;
}

describeTopology("automatic charges across both instances", () => {
  test("spends racing on two instances across the threshold buy one top-up, credited once", async () => {
    const app = new AppClient(() => undefined);
    const portone = new EmulatorClient(TOPOLOGY_EMULATOR_URL, emulatorDefaults.apiSecret);
    const email = `auto-${randomUUID()}@example.com`;
    const session = await app.signUp(TOPOLOGY_APP_URL, email, "correct-horse-battery");

    const started = await app.checkout(TOPOLOGY_APP_URL, session, "points-10000", "card");
    const request = started.data as Record<string, unknown>;
    await portone.answerWindow(await portone.openWindow(request, false), "approve");
    baseExpect(await app.complete(TOPOLOGY_APP_URL, session, String(request.paymentId))).toBe(200);

    // The card, registered as a phone does it: PortOne's page redirects back to our result page.
    const registration = await app.startRegistration(TOPOLOGY_APP_URL, session);
    baseExpect(registration.ok, JSON.stringify(registration)).toBe(true);
    const back = await portone.answerWindow(
      await portone.openBillingKeyWindow(registration.data as Record<string, unknown>),
      "approve",
    );
    const landing = new URL(back!);
    const result = await app.page(TOPOLOGY_APP_URL, session, `${landing.pathname}${landing.search}`);
    baseExpect(result.html).toContain("결제 수단을 등록했습니다");
    const rule = await app.createLowBalanceRule(TOPOLOGY_APP_URL, session, {
      packageId: "points-5000",
      threshold: 5_000,
      monthlyLimit: 3,
    });
    baseExpect(rule, JSON.stringify(rule)).toMatchObject({ ok: true });

    // 10,300 P; three spends of 2,000 at once, on both instances: 4,300 left, under 5,000 after
    // whichever ran last. One crossing, one top-up.
    const userId = await userIdOf(email);
    const statuses = await Promise.all([
      spendAt(TOPOLOGY_INSTANCE_URLS[0], userId, 2_000),
      spendAt(TOPOLOGY_INSTANCE_URLS[1], userId, 2_000),
      spendAt(TOPOLOGY_INSTANCE_URLS[1], userId, 2_000),
    ]);
    baseExpect(statuses).toEqual([200, 200, 200]);
    await expect.poll(() => balanceOf(email)).toBe(4_300 + 5_000);
    const charges = await sql<{ status: string; amount: number }[]>`
      select status, amount from payments where user_id = ${userId} and auto_charge_rule_id is not null`;
    baseExpect(charges).toEqual([{ status: "PAID", amount: 5_000 }]);
    const ledger = await ledgerOf(email);
    baseExpect(ledger.filter((entry) => entry.kind === "charge")).toHaveLength(2);
  });
});
