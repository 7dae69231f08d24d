import { test as base, expect } from "@playwright/test";
import { AuthPages, newTestUser, type TestUser } from "./auth";
import { ChargePage } from "./charge-page";
import { ledgerInvariantViolations } from "./db";

/**
 * Specs that charge points: each gets a freshly signed-up user and, after it, the ledger
 * invariant is checked for every user (balance = sum of entries = last balance_after, ≥ 0).
 */
export const test = base.extend<{ user: TestUser; charge: ChargePage; ledgerInvariant: void }>({
  user: async ({ page }, provide) => {
    const user = newTestUser();
    await new AuthPages(page).signUp(user);
    await expect(page.getByTestId("header-balance")).toHaveText("0 P");
    await provide(user);
  },
  charge: async ({ page }, provide) => provide(new ChargePage(page)),
  ledgerInvariant: [
    async ({}, provide) => {
      await provide();
      expect(await ledgerInvariantViolations()).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
