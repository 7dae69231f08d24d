import { expect as baseExpect, type Page } from "@playwright/test";
import { balanceOf, ledgerOf, paymentStatus, sql } from "../support/db";
import { emulatorControl, portone } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { E2E_APP_URL, E2E_CRON_SECRET, E2E_EMULATOR_URL } from "../support/stack-urls";
import { payOnAnotherChannel } from "../support/tamper";
import { payBehindTheAppsBack } from "../support/unheard-payment";
import { confirmRefund } from "../support/refund";

interface Summary {
  changes: { paymentId: string; from: string; to: string }[];
  refunds: { refundId: string; outcome: string }[];
  rejected: { paymentId: string; released: boolean; action: string; portoneStatus: string }[];
  ledgerViolations: unknown[];
  errors: unknown[];
}

/** What a scheduler does: GET /api/reconcile with the cron secret. */
async function reconcile(query = "", secret = E2E_CRON_SECRET) {
  return fetch(`${E2E_APP_URL}/api/reconcile${query}`, { headers: { Authorization: `Bearer ${secret}` } });
}

async function reconciled(query = ""): Promise<Summary> {
  const response = await reconcile(query);
  baseExpect(response.status).toBe(200);
  const summary = (await response.json()) as Summary;
  baseExpect(summary.errors).toEqual([]);
  baseExpect(summary.ledgerViolations).toEqual([]);
  return summary;
}

async function refundStatuses(paymentId: string) {
  return (
    await sql<{ status: string }[]>`select status from refunds where payment_id = ${paymentId} order by created_at`
  ).map((row) => row.status);
}

async function refundStuckBy(
  page: Page,
  paymentId: string,
  fault: { kind: "error" | "hang"; status?: number; hangMs?: number },
) {
  await emulatorControl.faultApi({ paymentId, count: 1, ...fault });
  await page.goto(`/payments/${paymentId}`);
  await confirmRefund(page, "1,000원");
  await expect(page.getByTestId("refund-row")).toContainText("1,000원환불 처리 중");
}

test("the reconcile route needs the cron secret", async () => {
  baseExpect((await fetch(`${E2E_APP_URL}/api/reconcile`)).status).toBe(401);
  baseExpect((await reconcile("", "not-the-secret")).status).toBe(401);
  baseExpect((await reconcile("?windowHours=0")).status).toBe(400);
});

test("a paid payment whose webhooks were dropped and whose browser never came back is credited once", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await payBehindTheAppsBack(page, charge);
  expect(await balanceOf(user.email)).toBe(0);

  // Not stale yet: PortOne's own list of recent payments is what finds it.
  const first = await reconciled();
  baseExpect(first.changes).toContainEqual({ paymentId, from: "PENDING", to: "PAID" });
  const second = await reconciled();
  baseExpect(second.changes.filter((change) => change.paymentId === paymentId)).toEqual([]);

  baseExpect(await paymentStatus(paymentId)).toBe("PAID");
  expect(await balanceOf(user.email)).toBe(10_300);
  baseExpect((await ledgerOf(user.email)).map((entry) => entry.kind)).toEqual(["charge"]);
});

test("a payment partly cancelled in PortOne's console before the app ever heard of it: credited, and the cancelled part taken back", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await payBehindTheAppsBack(page, charge);
  const consolePage = await page.context().newPage();
  await consolePage.goto(`${E2E_EMULATOR_URL}/console/payments/${paymentId}`);
  await consolePage.getByLabel(/취소 금액/).fill("3000");
  await consolePage.getByRole("button", { name: "결제 취소" }).click();
  await expect(consolePage.getByText("3000 취소했습니다.")).toBeVisible();
  baseExpect(await paymentStatus(paymentId)).toBe("PENDING");

  const summary = await reconciled();
  baseExpect(summary.changes).toContainEqual({ paymentId, from: "PENDING", to: "PARTIALLY_REFUNDED" });
  // PortOne keeps 7,000 won: 7,000 paid points and the bonus in proportion (300 × 0.7).
  expect(await balanceOf(user.email)).toBe(7_210);
  baseExpect((await ledgerOf(user.email)).map((entry) => [entry.kind, entry.paid_delta, entry.bonus_delta])).toEqual([
    ["charge", 10_000, 300],
    ["external_cancel", -3_000, -90],
  ]);
  await page.goto(`/payments/${paymentId}`);
  await expect(page.getByTestId("refund-row")).toContainText("3,000원결제 취소");
  await expect(page.getByTestId("refund-quote")).toContainText("7,000원");
});

test("a rejected payment whose automatic cancels failed is cancelled at PortOne by reconcile once PortOne recovers", async ({
  user,
  charge,
}) => {
  // Every sync (completion, result page, webhook) tries the cancel again; PortOne refuses them all for now.
  const paymentId = await payOnAnotherChannel(charge, (id) =>
    emulatorControl.faultApi({
      paymentId: id,
      kind: "error",
      status: 503,
      count: 50,
      endpoint: "POST /payments/{paymentId}/cancel",
    }),
  );
  baseExpect(await paymentStatus(paymentId)).toBe("REJECTED");
  // The cancel failed: PortOne still holds the customer's 1,000 won.
  baseExpect((await portone.getPayment({ paymentId })).status).toBe("PAID");
  await emulatorControl.clearFaults(paymentId);

  const summary = await reconciled();
  baseExpect(summary.rejected).toContainEqual({
    paymentId,
    released: true,
    action: "cancelled",
    portoneStatus: "CANCELLED",
  });
  baseExpect((await portone.getPayment({ paymentId })).status).toBe("CANCELLED");
  baseExpect((await reconciled()).rejected.filter((entry) => entry.paymentId === paymentId)).toEqual([]);
  expect(await balanceOf(user.email)).toBe(0);
});

test("a window left open is expired once stale, and PortOne's late approval still credits it", async ({
  page,
  user,
  charge,
}) => {
  await charge.open();
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await expect(charge.checkout().getByRole("button", { name: "결제 승인" })).toBeVisible();
  const [pending] = await sql<
    { id: string }[]
  >`select p.id from payments p join users u on u.id = p.user_id where u.email = ${user.email}`;
  const paymentId = pending!.id;

  const summary = await reconciled("?staleAfterMinutes=0");
  baseExpect(summary.changes).toContainEqual({ paymentId, from: "PENDING", to: "EXPIRED" });

  await charge.checkout().getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
  baseExpect(await paymentStatus(paymentId)).toBe("PAID");
  expect(await balanceOf(user.email)).toBe(1_000);
});

test("a refund whose cancel got a 5xx is rolled back by reconcile, and can be asked again", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("1,000 P");
  await refundStuckBy(page, paymentId, { kind: "error", status: 503 });
  // The outcome is unknown: the points stay reserved and no second refund can start meanwhile.
  expect(await balanceOf(user.email)).toBe(0);
  baseExpect(await refundStatuses(paymentId)).toEqual(["REQUESTED"]);
  await page.reload();
  await expect(page.getByTestId("refund-unavailable")).toHaveText(
    "환불을 처리하고 있습니다. 결제사에서 결과가 오면 이 화면에 반영됩니다.",
  );

  const summary = await reconciled("?staleAfterMinutes=0");
  baseExpect(summary.refunds.map((refund) => refund.outcome)).toEqual(["rolled_back"]);
  expect(await balanceOf(user.email)).toBe(1_000);
  baseExpect(await refundStatuses(paymentId)).toEqual(["FAILED"]);
  baseExpect((await portone.getPayment({ paymentId })).status).toBe("PAID");

  await page.reload();
  await confirmRefund(page, "1,000원");
  await expect(page.getByTestId("refund-row").first()).toContainText("환불 완료");
  expect(await balanceOf(user.email)).toBe(0);
  baseExpect(await paymentStatus(paymentId)).toBe("REFUNDED");
});

test("a refund whose cancel timed out but happened at PortOne is completed by PortOne's webhook", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("1,000 P");
  // PortOne answers after the app stopped waiting (3 s in the test stack), having cancelled; its
  // Transaction.Cancelled webhook shows the refund's cancellation, which completes the refund.
  await refundStuckBy(page, paymentId, { kind: "hang", hangMs: 4_000 });
  // The refund completes first, then the payment follows PortOne's cancellation: wait for both.
  await expect
    .poll(async () => [await refundStatuses(paymentId), await paymentStatus(paymentId)], { timeout: 15_000 })
    .toEqual([["COMPLETED"], "REFUNDED"]);
  baseExpect((await ledgerOf(user.email)).map((entry) => [entry.kind, entry.paid_delta])).toEqual([
    ["charge", 1_000],
    ["refund", -1_000],
  ]);
});

test("a refund whose cancel timed out but happened at PortOne, its webhook lost, is completed by reconcile", async ({
  page,
  user,
  charge,
}) => {
  const paymentId = await charge.chargeByCard("1,000 P");
  await emulatorControl.dropWebhooks(paymentId);
  // PortOne answers after the app stopped waiting (3 s in the test stack), having cancelled.
  await refundStuckBy(page, paymentId, { kind: "hang", hangMs: 4_000 });
  await expect
    .poll(async () => (await portone.getPayment({ paymentId })).status, { timeout: 10_000 })
    .toBe("CANCELLED");
  baseExpect(await paymentStatus(paymentId)).toBe("PAID");

  const summary = await reconciled("?staleAfterMinutes=0");
  baseExpect(summary.refunds.map((refund) => refund.outcome)).toEqual(["completed"]);
  baseExpect(await refundStatuses(paymentId)).toEqual(["COMPLETED"]);
  baseExpect(await paymentStatus(paymentId)).toBe("REFUNDED");
  expect(await balanceOf(user.email)).toBe(0);
  baseExpect((await ledgerOf(user.email)).map((entry) => [entry.kind, entry.paid_delta])).toEqual([
    ["charge", 1_000],
    ["refund", -1_000],
  ]);
});
