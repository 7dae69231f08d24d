import { expect as baseExpect } from "@playwright/test";
import { axeViolations } from "../support/axe";
import { balanceOf, moveCreditExpiry } from "../support/db";
import { expect, test } from "../support/fixtures";
import { SCREENS, SHOTS_DIR } from "../support/screens";
import { E2E_APP_URL, E2E_CRON_SECRET } from "../support/stack-urls";

// Here rather than in e2e/app: reconciliation acts on every payment in the database, so its
// specs run alone (playwright.config.ts).

interface ExpirySummary {
  expiry: {
    expired: { paidLots: number; paidPoints: number; bonusLots: number; bonusPoints: number };
    expiredPaid: { email: string; amount: number; paymentId: string | null }[];
  };
  ledgerViolations: unknown[];
  errors: unknown[];
}

async function reconciled(): Promise<ExpirySummary> {
  const response = await fetch(`${E2E_APP_URL}/api/reconcile`, {
    headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` },
  });
  baseExpect(response.status).toBe(200);
  const summary = (await response.json()) as ExpirySummary;
  baseExpect(summary.errors).toEqual([]);
  baseExpect(summary.ledgerViolations).toEqual([]);
  return summary;
}

for (const screen of SCREENS) {
  test.describe(`points validity on ${screen.name}`, () => {
    test.use(screen.use);

    test("is stated before paying, shown on each credit, announced 30 days ahead, and expires through reconciliation", async ({
      page,
      user,
      charge,
    }) => {
      await charge.open();
      await expect(page.getByTestId("validity-note")).toContainText(
        "충전 포인트 1,825일(5년), 보너스 포인트 365일(1년) (적립일부터)",
      );
      baseExpect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS_DIR}/validity-charge-${screen.name}.png` });

      const paymentId = await charge.chargeByCard("10,300 P");
      await page.goto("/history");
      const creditRow = page.getByTestId("ledger-row").filter({ hasText: "충전" }).first();
      await expect(creditRow.getByTestId("credit-expiry")).toHaveText(
        /^유효기간: 충전 포인트 \d{4}\. \d{2}\. \d{2}\.까지 · 보너스 포인트 \d{4}\. \d{2}\. \d{2}\.까지$/,
      );
      await expect(page.getByTestId("expiring-soon")).toHaveCount(0);

      // The bonus comes within 30 days of its expiry: the buyer is told before it goes.
      await moveCreditExpiry(paymentId, "bonus", 10);
      await page.reload();
      await expect(page.getByTestId("expiring-soon")).toContainText("보너스 포인트 300 P: 10일 후 소멸 예정");
      baseExpect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS_DIR}/validity-expiring-${screen.name}.png`, fullPage: true });

      // Both expire; the reconciler writes one entry per lot, and a second run writes none.
      await moveCreditExpiry(paymentId, "bonus", -1);
      await moveCreditExpiry(paymentId, "paid", -1);
      const first = await reconciled();
      baseExpect(first.expiry.expired).toEqual({ paidLots: 1, paidPoints: 10_000, bonusLots: 1, bonusPoints: 300 });
      baseExpect(first.expiry.expiredPaid).toEqual([
        baseExpect.objectContaining({ email: user.email, amount: 10_000, paymentId }),
      ]);
      baseExpect((await reconciled()).expiry.expired).toEqual({
        paidLots: 0,
        paidPoints: 0,
        bonusLots: 0,
        bonusPoints: 0,
      });
      baseExpect(await balanceOf(user.email)).toBe(0);

      await page.reload();
      await expect(charge.headerBalance()).toHaveText("0 P");
      await expect(page.getByTestId("history-balance")).toHaveText("0 P");
      const expiries = page.getByTestId("ledger-row").filter({ hasText: "유효기간 만료" });
      await expect(expiries).toHaveCount(2);
      await expect(expiries.filter({ hasText: "충전 포인트" })).toContainText("-10,000 P");
      await expect(expiries.filter({ hasText: "충전 포인트" })).toContainText(
        "고객센터에서 결제 금액으로 환불해 드립니다",
      );
      await expect(expiries.filter({ hasText: "보너스 포인트" })).toContainText("-300 P");
      baseExpect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS_DIR}/validity-expired-${screen.name}.png`, fullPage: true });
    });
  });
}
