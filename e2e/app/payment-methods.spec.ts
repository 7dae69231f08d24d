import { expect as baseExpect, type Page } from "@playwright/test";
import { balanceOf, sql } from "../support/db";
import { CHECKOUT_FRAME } from "../support/charge-page";
import { emulatorControl } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { PHONE } from "../support/screens";

async function openPaymentMethods(page: Page) {
  await page.goto("/account");
  await page.getByRole("link", { name: "결제 수단 관리" }).click();
  await expect(page.getByRole("heading", { name: "결제 수단 · 자동 충전", level: 1 })).toBeVisible();
}

const methodList = (page: Page) => page.getByRole("list", { name: "등록한 결제 수단" });

async function cardsOf(email: string) {
  return sql<{ status: string }[]>`
    select m.status from payment_methods m join users u on u.id = m.user_id where u.email = ${email}`;
}

async function monthlyCharges(email: string) {
  return sql<{ status: string; amount: number; schedule_id: string | null }[]>`
    select p.status, p.amount, p.schedule_id from payments p join users u on u.id = p.user_id
    where u.email = ${email} and p.charge_due_at is not null order by p.created_at`;
}

async function autoCharges(email: string) {
  return sql<{ status: string; amount: number }[]>`
    select p.status, p.amount from payments p join users u on u.id = p.user_id
    where u.email = ${email} and p.auto_charge_rule_id is not null order by p.created_at`;
}

test("register a card, let a low balance charge it once, then delete the card", async ({ page, user, charge }) => {
  await charge.chargeByCard("10,300 P");
  await openPaymentMethods(page);
  await expect(page.getByText("등록한 결제 수단이 없습니다.")).toBeVisible();

  await page.getByRole("button", { name: "카드 등록" }).click();
  const window = page.frameLocator(CHECKOUT_FRAME);
  await window.getByLabel("카드사").selectOption({ label: "삼성카드" });
  await window.getByRole("button", { name: "빌링키 발급" }).click();
  await expect(page.getByRole("status")).toHaveText("카드를 등록했습니다.");
  await expect(methodList(page).getByRole("listitem")).toHaveCount(1);
  await expect(methodList(page)).toContainText(/삼성카드 \*\*\*\*\d{4}/);

  // The agreement follows the choices, and it is the condition of the rule.
  const form = page.getByRole("form", { name: "잔액이 부족하면 자동 충전" });
  await form.getByLabel("기준 잔액 (P)").fill("5000");
  await form.getByLabel("충전 상품").selectOption({ label: "5,000원 (5,000 P)" });
  await form.getByLabel("한 달 최대 횟수").selectOption("2회");
  await expect(form.getByTestId("auto-charge-agreement")).toContainText(
    "잔액이 5,000 P 미만이 되면, 등록한 결제 수단(삼성카드 ****",
  );
  await expect(form.getByTestId("auto-charge-agreement")).toContainText("최대 2회, 최대 10,000원");
  await form.getByLabel("위 내용을 확인했으며 자동 결제에 동의합니다. (필수)").check();
  await form.getByRole("button", { name: "자동 충전 시작" }).click();
  const rule = page.getByTestId("auto-charge-rule").filter({ hasText: "잔액 부족 시 자동 충전" });
  await expect(rule).toContainText("사용 중");
  await expect(rule).toContainText("잔액이 5,000 P 미만이 되면");

  // 10,300 → 5,800 (above) → 3,300: the second purchase crosses the threshold.
  await page.goto("/shop");
  await page.getByRole("button", { name: "아메리카노 쿠폰 4,500 P 구매" }).click();
  await expect(page.getByRole("status").filter({ hasText: "아메리카노" })).toContainText("남은 포인트 5,800 P");
  await page.getByRole("button", { name: "이모티콘 팩 2,500 P 구매" }).click();
  await expect(page.getByRole("status").filter({ hasText: "이모티콘" })).toContainText("남은 포인트 3,300 P");
  await expect.poll(() => balanceOf(user.email)).toBe(8_300);
  baseExpect(await autoCharges(user.email)).toEqual([{ status: "PAID", amount: 5_000 }]);

  await page.goto("/history");
  await expect(page.getByTestId("payment-row").filter({ hasText: "자동 충전" })).toHaveCount(1);
  await expect(page.getByTestId("header-balance")).toHaveText("8,300 P");

  await openPaymentMethods(page);
  await methodList(page).getByRole("button", { name: /삭제$/ }).click();
  await page.getByRole("button", { name: "결제 수단 삭제" }).click();
  await expect(page.getByText("등록한 결제 수단이 없습니다.")).toBeVisible();
  await expect(rule).toContainText("일시 중지");
  await expect(rule).toContainText("결제에 쓰던 결제 수단이 삭제되어");
  await rule.getByRole("button", { name: "자동 충전 해지" }).click();
  await expect(page.getByTestId("auto-charge-rule")).toHaveCount(0);
  await expect(page.getByText("자동 충전을 쓰려면 먼저 결제 수단을 등록해 주세요.")).toBeVisible();
});

test("a monthly charge is booked for its day, charged at its time, booked for the next month, and stopped", async ({
  page,
  user,
}) => {
  await openPaymentMethods(page);
  await page.getByRole("button", { name: "카드 등록" }).click();
  await page.frameLocator(CHECKOUT_FRAME).getByRole("button", { name: "빌링키 발급" }).click();
  await expect(methodList(page).getByRole("listitem")).toHaveCount(1);

  const form = page.getByRole("form", { name: "매월 정해진 날 자동 충전" });
  await form.getByLabel("결제일").selectOption("매월 25일");
  await form.getByLabel("충전 상품").selectOption({ label: "30,000원 (31,500 P)" });
  await expect(form.getByTestId("auto-charge-agreement")).toContainText(
    "매월 25일 오전 9시(한국 시간)에 등록한 결제 수단",
  );
  // Without the box ticked the browser keeps the form; nothing is booked.
  await form.getByRole("button", { name: "매월 자동 충전 시작" }).click();
  baseExpect(await monthlyCharges(user.email)).toEqual([]);
  await form.getByLabel("위 내용을 확인했으며 자동 결제에 동의합니다. (필수)").check();
  await form.getByRole("button", { name: "매월 자동 충전 시작" }).click();

  const rule = page.getByTestId("auto-charge-rule").filter({ hasText: "매월 자동 충전" });
  await expect(rule).toContainText("매월 25일 오전 9시");
  await expect(rule.getByTestId("next-charge")).toContainText(/\d{4}\. \d{2}\. 25\. 09:00/);
  const [booked] = await monthlyCharges(user.email);
  baseExpect(booked).toMatchObject({ status: "PENDING", amount: 30_000 });
  const firstDate = await rule.getByTestId("next-charge").textContent();

  // The 25th comes: PortOne charges the card and its webhook credits the points, once.
  await emulatorControl.runSchedule(booked!.schedule_id!);
  await expect.poll(() => balanceOf(user.email)).toBe(31_500);
  await page.reload();
  await expect(rule.getByTestId("next-charge")).not.toHaveText(firstDate!);
  baseExpect((await monthlyCharges(user.email)).map((charge) => charge.status)).toEqual(["PAID", "PENDING"]);

  await rule.getByRole("button", { name: "자동 충전 해지" }).click();
  await expect(page.getByTestId("auto-charge-rule")).toHaveCount(0);
  baseExpect((await monthlyCharges(user.email)).map((charge) => charge.status)).toEqual(["PAID", "EXPIRED"]);
  await page.goto("/history");
  await expect(page.getByTestId("payment-row").filter({ hasText: "자동 충전" })).toHaveCount(1);
});

test("register KakaoPay in its popup, paying from its balance: the low balance charges it as 카카오페이", async ({
  page,
  user,
  charge,
}) => {
  await charge.chargeByCard("10,300 P");
  await openPaymentMethods(page);
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "카카오페이 등록" }).click();
  const popup = await popupOpened;
  await expect(popup.getByText("간편결제 · 카카오페이")).toBeVisible();
  await popup.getByLabel("결제 수단").selectOption({ label: "충전 잔액" });
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "빌링키 발급" }).click();
  await closed;
  await expect(page.getByRole("status")).toHaveText("카카오페이를 등록했습니다.");
  await expect(methodList(page)).toContainText("카카오페이 · 잔액 결제");

  const form = page.getByRole("form", { name: "잔액이 부족하면 자동 충전" });
  await form.getByLabel("기준 잔액 (P)").fill("5000");
  await form.getByLabel("충전 상품").selectOption({ label: "5,000원 (5,000 P)" });
  await expect(form.getByTestId("auto-charge-agreement")).toContainText(
    "등록한 결제 수단(카카오페이 · 잔액 결제)으로 5,000원을 결제하고",
  );
  await form.getByLabel("위 내용을 확인했으며 자동 결제에 동의합니다. (필수)").check();
  await form.getByRole("button", { name: "자동 충전 시작" }).click();
  await expect(page.getByTestId("auto-charge-rule")).toContainText("카카오페이 · 잔액 결제");

  // 10,300 → 5,800 → 1,300: under 5,000, so KakaoPay is charged once, on its own channel.
  await page.goto("/shop");
  await page.getByRole("button", { name: "아메리카노 쿠폰 4,500 P 구매" }).click();
  await expect(page.getByRole("status").filter({ hasText: "아메리카노" })).toContainText("남은 포인트 5,800 P");
  await page.getByRole("button", { name: "아메리카노 쿠폰 4,500 P 구매" }).click();
  await expect(page.getByRole("status").filter({ hasText: "아메리카노" })).toContainText("남은 포인트 1,300 P");
  await expect.poll(() => balanceOf(user.email)).toBe(6_300);
  baseExpect(
    await sql`
    select p.status, p.pay_option, p.method_details->>'type' as type, p.method_details->>'provider' as provider
    from payments p join users u on u.id = p.user_id
    where u.email = ${user.email} and p.auto_charge_rule_id is not null`,
  ).toEqual([{ status: "PAID", pay_option: "kakaopay", type: "EASY_PAY", provider: "KAKAOPAY" }]);
  await page.goto("/history");
  const row = page.getByTestId("payment-row").filter({ hasText: "자동 충전" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("카카오페이");
});

test("closing PortOne's card window registers nothing and says so", async ({ page, user }) => {
  await openPaymentMethods(page);
  await page.getByRole("button", { name: "카드 등록" }).click();
  await page.frameLocator(CHECKOUT_FRAME).getByRole("button", { name: "창 닫기" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("카드를 등록하지 못했습니다");
  await expect(page.getByText("등록한 결제 수단이 없습니다.")).toBeVisible();
  // The registration that was started stays unfinished: never a card that can be charged.
  baseExpect(await cardsOf(user.email)).toEqual([{ status: "PENDING" }]);
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("PortOne's card page redirects back, and the card is registered", async ({ page, user }) => {
    await openPaymentMethods(page);
    await page.getByRole("button", { name: "카드 등록" }).click();
    await page.getByRole("button", { name: "빌링키 발급" }).click();
    await page.waitForURL(/\/account\/payment-methods\/result\?/);
    await expect(page.getByRole("heading", { name: "결제 수단을 등록했습니다" })).toBeVisible();
    await page.getByRole("link", { name: "결제 수단으로 돌아가기" }).click();
    await expect(methodList(page).getByRole("listitem")).toHaveCount(1);
    baseExpect(await cardsOf(user.email)).toEqual([{ status: "ACTIVE" }]);
    await page.screenshot({ path: test.info().outputPath("payment-methods-phone.png"), fullPage: true });
  });
});
