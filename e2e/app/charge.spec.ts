import { expect as baseExpect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { balanceOf, ledgerOf, paymentsOf, sql, userIdOf } from "../support/db";
import { portone } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { CHARGE_PAGE } from "../support/charge-page";

test("card in the iframe: points credited once, header updated", async ({ page, user, charge }) => {
  await charge.open();
  await charge.choose("10,300 P", "신용·체크카드");
  await expect(charge.payButton()).toHaveText("10,000원 결제하기");
  await charge.pay();

  const checkout = charge.checkout();
  await expect(checkout.getByText("₩10,000")).toBeVisible();
  await checkout.getByLabel("카드사").selectOption({ label: "현대카드" });
  await checkout.getByRole("button", { name: "결제 승인" }).click();

  const paymentId = await charge.resultPaymentId();
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
  await expect(page.getByTestId("credited-points")).toHaveText("10,300 P");
  await expect(charge.headerBalance()).toHaveText("10,300 P");
  await expect(page.getByText("현대카드 · 일시불")).toBeVisible();
  // The PG's receipt, as PortOne reports it, opens in a new window.
  const atPortOne = await portone.getPayment({ paymentId });
  const receiptUrl = atPortOne.status === "PAID" ? (atPortOne.receiptUrl ?? "") : "";
  baseExpect(receiptUrl).toMatch(/^https?:\/\//);
  const receipt = page.getByRole("link", { name: "영수증 보기 (새 창)" });
  await expect(receipt).toHaveAttribute("href", receiptUrl);
  await expect(receipt).toHaveAttribute("target", "_blank");

  expect(await ledgerOf(user.email)).toEqual([
    { kind: "charge", reference: paymentId, paid_delta: 10_000, bonus_delta: 300 },
  ]);
  expect(await paymentsOf(user.email)).toMatchObject([{ id: paymentId, status: "PAID", amount: 10_000 }]);

  // Reloading the result page changes nothing.
  await page.reload();
  await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
  expect(await ledgerOf(user.email)).toHaveLength(1);
});

test("KakaoPay opens a popup: points credited", async ({ page, user, charge }) => {
  await charge.open();
  await charge.choose("1,000 P", "카카오페이");
  const popupOpened = page.waitForEvent("popup");
  await charge.pay();
  const popup = await popupOpened;
  await expect(popup.getByText("간편결제 · 카카오페이")).toBeVisible();
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "결제 승인" }).click();
  await closed;

  await charge.resultPaymentId();
  await expect(page.getByTestId("credited-points")).toHaveText("1,000 P");
  await expect(charge.headerBalance()).toHaveText("1,000 P");
  expect(await balanceOf(user.email)).toBe(1_000);
});

for (const method of ["네이버페이", "토스페이", "계좌이체", "휴대폰 결제"]) {
  test(`${method}: points credited`, async ({ page, user, charge }) => {
    await charge.open();
    await charge.choose("5,000 P", method);
    await charge.pay();
    await charge.checkout().getByRole("button", { name: "결제 승인" }).click();
    await charge.resultPaymentId();
    await expect(page.getByTestId("credited-points")).toHaveText("5,000 P");
    expect(await balanceOf(user.email)).toBe(5_000);
    expect(await ledgerOf(user.email)).toHaveLength(1);
  });
}

test("a declined card shows the PG's message, credits nothing and records FAILED", async ({ page, user, charge }) => {
  await charge.open();
  await charge.choose("10,300 P", "신용·체크카드");
  await charge.pay();
  await charge.checkout().getByRole("button", { name: "결제 실패(거절)" }).click();

  // The buyer reads why in words for a card, the PG's own text only as a detail.
  await expect(charge.errorAlert()).toContainText("결제가 완료되지 않았습니다");
  await expect(charge.errorAlert().getByTestId("failure-explanation")).toHaveText(
    "카드사에서 결제를 승인하지 않았습니다. 카드 한도와 입력한 정보를 확인하거나 다른 결제 수단을 이용해 주세요.",
  );
  await expect(charge.errorAlert().getByTestId("pg-message")).toHaveText(
    "결제사 메시지: 카드사에서 승인을 거절했습니다. (에뮬레이터 테스트)",
  );
  await expect(charge.payButton()).toBeEnabled();
  await expect.poll(async () => (await paymentsOf(user.email))[0]?.status).toBe("FAILED");
  expect(await ledgerOf(user.email)).toEqual([]);
  await expect(page.getByTestId("header-balance")).toHaveText("0 P");
});

test("closing the window shows a message, credits nothing and records FAILED", async ({ user, charge }) => {
  await charge.open();
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await charge.checkout().getByRole("button", { name: "창 닫기" }).click();

  await expect(charge.errorAlert()).toContainText("결제가 완료되지 않았습니다");
  await expect(charge.errorAlert().getByTestId("failure-explanation")).toHaveText("결제를 취소하셨습니다.");
  await expect.poll(async () => (await paymentsOf(user.email))[0]?.status).toBe("FAILED");
  expect(await ledgerOf(user.email)).toEqual([]);
});

test("an unknown package id is refused with a clear error and no payment row", async ({ page, user, charge }) => {
  await charge.open();
  // Rewrite the package id in the server action's request, as a tampering browser would.
  await page.route(CHARGE_PAGE, async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body?.includes("packageId")) return route.continue();
    await route.continue({ postData: body.replace(/points-\d+/, "points-999999") });
  });
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await expect(charge.errorAlert()).toHaveText("선택한 충전 상품을 찾을 수 없습니다. 다시 선택해 주세요.");
  expect(await paymentsOf(user.email)).toEqual([]);
});

test("twenty windows left open in ten minutes: a further checkout is refused, nothing written", async ({
  user,
  charge,
}) => {
  // As if a script had opened twenty payment windows and paid none of them.
  const userId = await userIdOf(user.email);
  await sql`insert into payments ${sql(
    Array.from({ length: 20 }, (_, index) => ({
      id: `pc-open-${index}-${randomUUID().slice(0, 8)}`,
      user_id: userId,
      package_id: "points-1000",
      order_name: "포인트 1,000P 충전",
      amount: 1_000,
      currency: "KRW",
      paid_points: 1_000,
      bonus_points: 0,
      pay_option: "card",
      channel_key: "channel-key-card",
    })),
  )}`;

  await charge.open();
  await charge.choose("1,000 P", "신용·체크카드");
  await charge.pay();
  await expect(charge.errorAlert()).toContainText("완료되지 않은 결제창이 너무 많습니다");
  await expect(charge.page.locator('iframe[title="PortOne 테스트 결제창"]')).toHaveCount(0);
  expect(await paymentsOf(user.email)).toHaveLength(20);
});
