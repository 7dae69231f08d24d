import { expect as baseExpect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { balanceOf, ledgerOf, userIdOf } from "../support/db";
import { expect, test } from "../support/fixtures";
import { E2E_APP_URL, E2E_SERVICE_API_KEY } from "../support/stack-urls";

test("buying in the shop spends bonus points first and updates the header", async ({ page, user, charge }) => {
  await charge.chargeByCard("10,300 P");
  await page.goto("/shop");
  await page.getByRole("button", { name: "이모티콘 팩 2,500 P 구매" }).click();
  await expect(page.getByRole("status")).toContainText("이모티콘 팩을 구매했습니다. 남은 포인트 7,800 P");
  await expect(page.getByTestId("header-balance")).toHaveText("7,800 P");
  const entries = await ledgerOf(user.email);
  baseExpect(entries[1]).toMatchObject({ kind: "spend", paid_delta: -2_200, bonus_delta: -300 });
});

test("without enough points the purchase is refused and nothing is written", async ({ page, user }) => {
  await page.goto("/shop");
  await page.getByRole("button", { name: "아메리카노 쿠폰 4,500 P 구매" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("포인트가 부족합니다. (보유 0 P, 필요 4,500 P)");
  expect(await ledgerOf(user.email)).toEqual([]);
});

test("two tabs spending the last points: one succeeds, the other is told there are not enough", async ({
  page,
  context,
  user,
  charge,
}) => {
  await charge.chargeByCard("5,000 P");
  const other = await context.newPage();
  await Promise.all([page.goto("/shop"), other.goto("/shop")]);
  await Promise.all([
    page.getByRole("button", { name: "아메리카노 쿠폰 4,500 P 구매" }).click(),
    other.getByRole("button", { name: "아메리카노 쿠폰 4,500 P 구매" }).click(),
  ]);
  const messages = await Promise.all(
    [page, other].map(async (tab) => {
      const message = tab
        .locator("main form")
        .filter({ has: tab.getByRole("button", { name: /아메리카노 쿠폰/ }) })
        .locator("p");
      await expect(message).toBeVisible();
      return message.textContent();
    }),
  );
  baseExpect(messages.filter((text) => text?.includes("구매했습니다"))).toHaveLength(1);
  baseExpect(messages.filter((text) => text?.includes("포인트가 부족합니다"))).toHaveLength(1);
  expect(await balanceOf(user.email)).toBe(500);
});

async function spendViaApi(body: unknown, headers: Record<string, string>) {
  const response = await fetch(`${E2E_APP_URL}/api/points/spend`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test("service API: key required, idempotent replays, conflicting bodies refused", async ({ user, charge }) => {
  await charge.chargeByCard("10,300 P");
  const userId = await userIdOf(user.email);
  const auth = { Authorization: `Bearer ${E2E_SERVICE_API_KEY}` };
  const order = { userId, amount: 1_000, description: "게임 아이템" };

  baseExpect((await spendViaApi(order, { "Idempotency-Key": randomUUID() })).status).toBe(401);
  baseExpect(
    (await spendViaApi(order, { Authorization: "Bearer wrong-key", "Idempotency-Key": randomUUID() })).body,
  ).toMatchObject({ error: "invalid_api_key" });
  baseExpect((await spendViaApi(order, auth)).body).toMatchObject({ error: "idempotency_key_required" });

  const key = randomUUID();
  const replies = await Promise.all(
    Array.from({ length: 5 }, () => spendViaApi(order, { ...auth, "Idempotency-Key": key })),
  );
  for (const reply of replies)
    baseExpect(reply).toEqual({
      status: 200,
      body: { spent: { paid: 700, bonus: 300 }, balance: { paid: 9_300, bonus: 0, total: 9_300 } },
    });
  baseExpect(await spendViaApi(order, { ...auth, "Idempotency-Key": key })).toEqual(replies[0]);

  const conflicting = await spendViaApi({ ...order, amount: 2_000 }, { ...auth, "Idempotency-Key": key });
  baseExpect(conflicting).toMatchObject({ status: 409, body: { error: "idempotency_key_reused" } });

  const tooMuch = await spendViaApi({ ...order, amount: 1_000_000 }, { ...auth, "Idempotency-Key": randomUUID() });
  baseExpect(tooMuch).toMatchObject({ status: 409, body: { error: "insufficient_points" } });
  expect((await ledgerOf(user.email)).filter((entry) => entry.kind === "spend")).toHaveLength(1);
  expect(await balanceOf(user.email)).toBe(9_300);
});
