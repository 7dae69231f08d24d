import { expect, test, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { AuthPages, newTestUser } from "../support/auth";
import { ChargePage } from "../support/charge-page";
import { accountWithoutConsents, consentsOf, paymentsOf, sql } from "../support/db";
import { checkoutAs } from "../support/server-actions";
import { SCREENS, SHOTS_DIR } from "../support/screens";

const CURRENT_VERSION = "2026-12-01";

/** PortOne's window: a frame over the page on a computer, the whole page on a phone. */
async function approveInPortOne(page: Page, phone: boolean) {
  const window = phone ? page : new ChargePage(page).checkout();
  await window.getByRole("button", { name: "결제 승인" }).click();
}

/** The form's first required box the browser would complain about, and what it says. */
async function browserRefusal(page: Page): Promise<string> {
  return page
    .locator("main form input:invalid")
    .first()
    .evaluate((input: HTMLInputElement) => input.validationMessage);
}

for (const { name, use } of SCREENS) {
  test.describe(`consent on ${name}`, () => {
    test.use(use);

    test("sign-up separates required and optional consents and records what was agreed to", async ({ page }) => {
      const user = newTestUser();
      await page.goto("/sign-up");
      const consents = page.getByRole("group", { name: "약관 동의" });
      await expect(consents.getByRole("checkbox", { name: "[필수] 이용약관 동의" })).toBeVisible();
      await expect(consents.getByRole("checkbox", { name: "[필수] 개인정보 수집·이용 동의" })).toBeVisible();
      await expect(consents.getByRole("checkbox", { name: "[선택] 이벤트·혜택 안내 메일 받기" })).toBeVisible();
      await expect(consents.getByRole("link", { name: "이용약관 동의 전문 보기 (새 창)" })).toHaveAttribute(
        "href",
        "/terms",
      );
      await page.screenshot({ path: `${SHOTS_DIR}/sign-up-${name}.png`, fullPage: true });

      await page.getByLabel("이름").fill(user.name);
      await page.getByLabel("이메일").fill(user.email);
      await page.getByLabel("비밀번호").fill(user.password);
      await page.getByRole("button", { name: "가입하기" }).click();
      // Without the required boxes the form does not leave the page and no account exists.
      expect(await browserRefusal(page)).not.toBe("");
      await expect(page).toHaveURL(/\/sign-up/);

      // 전체 동의 ticks every box, the optional one included; unticking one leaves the rest.
      await consents.getByRole("checkbox", { name: "전체 동의 (선택 항목 포함)" }).check();
      await expect(consents.getByRole("checkbox", { name: /^\[/ })).toHaveCount(3);
      for (const box of await consents.getByRole("checkbox", { name: /^\[/ }).all()) await expect(box).toBeChecked();
      await consents.getByRole("checkbox", { name: "[선택] 이벤트·혜택 안내 메일 받기" }).uncheck();
      await expect(consents.getByRole("checkbox", { name: "전체 동의 (선택 항목 포함)" })).not.toBeChecked();
      await page.getByRole("button", { name: "가입하기" }).click();
      await expect(page.getByTestId("header-balance")).toHaveText("0 P");

      expect(
        (await consentsOf(user.email)).map(({ document, version, agreed, context }) => [
          document,
          version,
          agreed,
          context,
        ]),
      ).toEqual([
        ["marketing", CURRENT_VERSION, false, "sign_up"],
        ["privacy", CURRENT_VERSION, true, "sign_up"],
        ["terms", CURRENT_VERSION, true, "sign_up"],
      ]);
    });

    test("the first payment asks for the refund policy, records it before the payment, and not again", async ({
      page,
    }) => {
      const user = newTestUser();
      await new AuthPages(page).signUp(user);
      const charge = new ChargePage(page);
      await charge.open();
      const terms = page.getByRole("region", { name: "결제 전 확인해 주세요" });
      await expect(terms).toContainText(
        "결제 후 7일 이내에는 사용하지 않은 유료 포인트만큼 환불을 신청할 수 있습니다.",
      );
      await expect(terms).toContainText("보너스 포인트는 환불되지 않으며");
      // Terms and privacy were agreed at sign-up: only the refund policy is left.
      await expect(terms.getByRole("checkbox")).toHaveCount(1);
      const refundBox = terms.getByRole("checkbox", { name: "[필수] 환불 정책(청약철회 조건) 확인 및 동의" });
      await expect(terms.getByRole("link", { name: /환불 정책.*전문 보기 \(새 창\)/ })).toHaveAttribute(
        "href",
        "/refund-policy",
      );
      await page.screenshot({ path: `${SHOTS_DIR}/charge-consent-${name}.png`, fullPage: true });

      await charge.choose("1,000 P", "신용·체크카드");
      await charge.payButton().click();
      expect(await browserRefusal(page)).not.toBe("");
      expect(await paymentsOf(user.email)).toEqual([]);

      await refundBox.check();
      await charge.payButton().click();
      await approveInPortOne(page, name === "phone");
      await charge.resultPaymentId();
      await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");

      const refund = (await consentsOf(user.email)).find((row) => row.document === "refund");
      expect(refund).toMatchObject({ version: CURRENT_VERSION, agreed: true, context: "checkout" });
      const [payment] = await sql<{ created_at: Date }[]>`
        select p.created_at from payments p join users u on u.id = p.user_id where u.email = ${user.email}`;
      expect(refund!.created_at.getTime()).toBeLessThanOrEqual(payment!.created_at.getTime());

      await charge.open();
      await expect(terms.getByRole("checkbox")).toHaveCount(0);
      await expect(terms).toContainText("결제하면 동의하신 이용약관과 환불 정책이 적용됩니다.");
    });

    test("an account without sign-up consents (as an OAuth sign-up) agrees to all three before paying", async ({
      page,
    }) => {
      const user = newTestUser();
      await accountWithoutConsents({ ...user, passwordHash: await bcrypt.hash(user.password, 4) });
      await new AuthPages(page).signIn(user.email, user.password);
      await expect(page.getByTestId("header-balance")).toHaveText("0 P");
      const charge = new ChargePage(page);
      await charge.open();
      const terms = page.getByRole("region", { name: "결제 전 확인해 주세요" });
      await expect(terms.getByRole("checkbox", { name: /^\[필수\]/ })).toHaveCount(3);
      await terms.getByRole("checkbox", { name: "전체 동의" }).check();
      await charge.choose("1,000 P", "신용·체크카드");
      await charge.payButton().click();
      await approveInPortOne(page, name === "phone");
      await expect(page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
      expect((await consentsOf(user.email)).map((row) => [row.document, row.context]).sort()).toEqual([
        ["privacy", "checkout"],
        ["refund", "checkout"],
        ["terms", "checkout"],
      ]);
    });
  });
}

test("a user who agreed to an earlier version of the refund policy is asked again", async ({ page }) => {
  const user = newTestUser();
  await accountWithoutConsents({ ...user, passwordHash: await bcrypt.hash(user.password, 4) }, [
    { document: "terms", version: CURRENT_VERSION },
    { document: "privacy", version: CURRENT_VERSION },
    { document: "refund", version: "2025-01-01" },
  ]);
  await new AuthPages(page).signIn(user.email, user.password);
  const charge = new ChargePage(page);
  await charge.open();
  const boxes = page.getByRole("region", { name: "결제 전 확인해 주세요" }).getByRole("checkbox");
  await expect(boxes).toHaveCount(1);
  await expect(boxes).toHaveAccessibleName("[필수] 환불 정책(청약철회 조건) 확인 및 동의");
});

test("the server refuses a checkout without a recorded consent, whatever the browser sends", async ({ page }) => {
  const user = newTestUser();
  await accountWithoutConsents({ ...user, passwordHash: await bcrypt.hash(user.password, 4) });
  await new AuthPages(page).signIn(user.email, user.password);
  await expect(page.getByTestId("header-balance")).toHaveText("0 P");
  const checkout = await checkoutAs(page);

  expect(await checkout({ packageId: "points-1000", payOptionId: "card" })).toContain(
    "결제하려면 이용약관, 개인정보 처리방침과 환불 정책에 동의해 주세요.",
  );
  // Agreeing to an old text is no agreement to the one in force.
  expect(
    await checkout({
      packageId: "points-1000",
      payOptionId: "card",
      agreed: { terms: "2025-01-01", privacy: "2025-01-01", refund: "2025-01-01" },
    }),
  ).toContain("약관이나 환불 정책이 새로 바뀌었습니다.");
  expect(await paymentsOf(user.email)).toEqual([]);
  expect(await consentsOf(user.email)).toEqual([]);
});
