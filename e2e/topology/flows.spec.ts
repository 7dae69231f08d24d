import { expect as baseExpect } from "@playwright/test";
import { AuthPages } from "../support/auth";
import { ledgerOf, paymentStatus } from "../support/db";
import { confirmRefund } from "../support/refund";
import { TOPOLOGY_APP_URL, TOPOLOGY_EMULATOR_URL, TOPOLOGY_INSTANCE_URLS } from "../support/topology-urls";
import { describeTopology, expect, test } from "./topology-test";

const PHONE = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
};

/**
 * The instances that answer `path` for this page's session, asked one request at a time until
 * each has answered once (round-robin is shared with the other specs' traffic, so a fixed number
 * of loads can land on one instance), for at most `withinMs`: nginx rests an instance that failed
 * a request (fail_timeout, 10 s) before trying it again, which the spec outwaits.
 */
async function upstreamsOf(page: import("@playwright/test").Page, path: string, instances: number, withinMs = 15_000) {
  const seen = new Set<string>();
  for (const until = Date.now() + withinMs; seen.size < instances && Date.now() < until;) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    baseExpect(response.status(), path).toBe(200);
    seen.add((response.headers()["x-upstream"] ?? "none").split(":").pop() ?? "none");
    if (seen.size < instances) await page.waitForTimeout(100);
  }
  return seen;
}

describeTopology("through nginx, two instances and PgBouncer", () => {
  test("sign-in holds on both instances, and sign-out ends it on both", async ({ page, user }) => {
    const auth = new AuthPages(page);
    await auth.signOut();
    await auth.signIn(user.email, user.password);
    await expect(auth.headerBalance()).toHaveText("0 P");
    const instancePorts = TOPOLOGY_INSTANCE_URLS.map((url) => new URL(url).port);
    baseExpect(await upstreamsOf(page, "/history", instancePorts.length)).toEqual(new Set(instancePorts));

    // The same cookie on each instance directly: both take it, then neither once it is signed out.
    const cookie = (await page.context().cookies())
      .filter((entry) => entry.name.includes("session-token"))
      .map((entry) => `${entry.name}=${entry.value}`)
      .join("; ");
    const historyWith = (instance: string) =>
      fetch(`${instance}/history`, { headers: { Cookie: cookie }, redirect: "manual" });
    for (const instance of TOPOLOGY_INSTANCE_URLS) baseExpect((await historyWith(instance)).status).toBe(200);
    await auth.signOut();
    for (const instance of TOPOLOGY_INSTANCE_URLS) {
      const history = await historyWith(instance);
      baseExpect(history.status, `${instance} still takes the session`).toBe(307);
      baseExpect(history.headers.get("location")).toContain("/sign-in");
    }
  });

  test("a card charge is credited once, through the pooler", async ({ page, user, charge }) => {
    const paymentId = await charge.chargeByCard("10,300 P");
    await expect(page.getByTestId("credited-points")).toHaveText("10,300 P");
    await expect(charge.headerBalance()).toHaveText("10,300 P");
    baseExpect(new URL(page.url()).origin).toBe(TOPOLOGY_APP_URL);
    expect(await ledgerOf(user.email)).toEqual([
      { kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 },
    ]);
  });

  test.describe("on a phone", () => {
    test.use(PHONE);

    test("PortOne redirects back to nginx's origin, and the result page shows the points", async ({
      page,
      user,
      charge,
    }) => {
      await charge.open();
      await charge.choose("10,300 P", "네이버페이");
      await charge.pay();
      await page.getByRole("button", { name: "결제 승인" }).click();
      const paymentId = await charge.resultPaymentId();
      baseExpect(new URL(page.url()).origin).toBe(TOPOLOGY_APP_URL);
      await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
      await expect(charge.headerBalance()).toHaveText("10,300 P");
      expect(await ledgerOf(user.email)).toEqual([
        { kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 },
      ]);
    });
  });

  test("a virtual-account deposit arrives as PortOne's webhook through nginx", async ({ page, user, charge }) => {
    const paymentId = await charge.issueVirtualAccount("10,300 P");
    expect(await paymentStatus(paymentId)).toBe("VIRTUAL_ACCOUNT_ISSUED");

    const deposit = await fetch(`${TOPOLOGY_EMULATOR_URL}/__emulator/payments/${paymentId}/deposit`, {
      method: "POST",
    });
    baseExpect(deposit.ok).toBe(true);
    await expect.poll(() => paymentStatus(paymentId), { timeout: 15_000 }).toBe("PAID");
    // The open page notices by itself (it polls whichever instance nginx picks).
    await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다", { timeout: 20_000 });
    await expect(charge.headerBalance()).toHaveText("10,300 P");

    const deliveries = (await (
      await fetch(`${TOPOLOGY_EMULATOR_URL}/__emulator/webhooks?paymentId=${paymentId}`)
    ).json()) as { attempts: { type: string; url: string; outcome: string }[] };
    baseExpect(deliveries.attempts.find((delivery) => delivery.type === "Transaction.Paid")).toMatchObject({
      url: `${TOPOLOGY_APP_URL}/api/webhooks/portone`,
      outcome: "200",
    });
    expect(await ledgerOf(user.email)).toEqual([
      { kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 },
    ]);
  });

  test("a refund goes back to PortOne and takes the points back", async ({ page, user, charge }) => {
    const paymentId = await charge.chargeByCard("10,300 P");
    await page.goto(`/payments/${paymentId}`);
    await confirmRefund(page, "10,000원");
    await expect(page.getByTestId("refund-row")).toContainText("10,000원환불 완료");
    await expect(charge.headerBalance()).toHaveText("0 P");
    expect(await paymentStatus(paymentId)).toBe("REFUNDED");
    const atPortOne = (await (await fetch(`${TOPOLOGY_EMULATOR_URL}/__emulator/payments/${paymentId}`)).json()) as {
      status: string;
      amount: { cancelled: number };
    };
    baseExpect(atPortOne).toMatchObject({ status: "CANCELLED", amount: { cancelled: 10_000 } });
    expect((await ledgerOf(user.email)).map((entry) => [entry.kind, entry.paid_delta, entry.bonus_delta])).toEqual([
      ["charge", 10_000, 300],
      ["refund", -10_000, -300],
    ]);
  });
});
