import { expect, test, type Page } from "@playwright/test";
import { SCREENS, SHOTS_DIR } from "../support/screens";

/** The page is no wider than the screen: nothing to scroll sideways on a phone. */
async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

const PAGES = [
  { link: "이용약관", path: "/terms", heading: "이용약관", says: "제7조 (청약철회와 환불)" },
  { link: "개인정보처리방침", path: "/privacy", heading: "개인정보처리방침", says: "개인정보 보호책임자" },
  {
    link: "환불 정책",
    path: "/refund-policy",
    heading: "환불 정책",
    says: "결제일로부터 7일 이내의 충전은 해당 결제의 상세 화면",
  },
];

for (const { name, use } of SCREENS) {
  test.describe(`business information and legal pages on ${name}`, () => {
    test.use(use);

    test("every page's footer names the business and how to reach it, marked as demo values here", async ({ page }) => {
      for (const path of ["/", "/sign-in", "/terms"]) {
        await page.goto(path);
        const footer = page.getByRole("contentinfo");
        for (const [term, value] of [
          ["상호", "포인트차지 데모"],
          ["대표자", "홍길동"],
          ["사업자등록번호", "000-00-00000"],
          ["통신판매업 신고번호", "제0000-서울중구-0000호"],
          ["주소", "서울특별시 중구 세종대로 110 (예시 주소)"],
        ]) {
          await expect(footer.getByRole("term").filter({ hasText: term }).first()).toBeVisible();
          await expect(footer).toContainText(`${term}${value}`);
        }
        await expect(footer.getByRole("link", { name: "1588-0000" })).toHaveAttribute("href", "tel:1588-0000");
        await expect(footer.getByRole("link", { name: "help@pointcharge.dev" })).toHaveAttribute(
          "href",
          "mailto:help@pointcharge.dev",
        );
        await expect(footer).toContainText("개발용 예시 사업자 정보입니다.");
      }
      await page.goto("/");
      await page.screenshot({ path: `${SHOTS_DIR}/footer-${name}.png`, fullPage: true });
      expect(await fitsTheScreen(page)).toBe(true);
    });

    test("the footer opens the terms, privacy policy and refund policy, each with its version", async ({ page }) => {
      for (const legal of PAGES) {
        await page.goto("/");
        await page.getByRole("navigation", { name: "약관 및 정책" }).getByRole("link", { name: legal.link }).click();
        await expect(page).toHaveURL(legal.path);
        await expect(page.getByRole("heading", { level: 1, name: legal.heading })).toBeVisible();
        await expect(page).toHaveTitle(`${legal.heading} · PointCharge`);
        await expect(page.getByTestId("legal-version")).toHaveText("버전 2026-12-01 · 시행일 2026년 12월 1일");
        await expect(page.getByRole("main")).toContainText(legal.says);
        // Placeholders are filled from the configuration.
        await expect(page.getByRole("main")).not.toContainText("{{");
        expect(await fitsTheScreen(page)).toBe(true);
        await page.screenshot({
          path: `${SHOTS_DIR}/legal${legal.path.replace("/", "-")}-${name}.png`,
          fullPage: true,
        });
      }
    });

    test("the refund policy tells this shop's rules: unspent paid points, bonus taken back, 7 days", async ({
      page,
    }) => {
      await page.goto("/refund-policy");
      const main = page.getByRole("main");
      await expect(main).toContainText("환불되는 것은 그 충전으로 받은 유료 포인트 중 아직 사용하지 않은 만큼입니다.");
      await expect(main).toContainText("보너스 포인트는 무상으로 드리는 포인트로, 현금으로 환불되지 않습니다.");
      await expect(main).toContainText("같은 비율로 회수합니다");
      await expect(main).toContainText("송금까지 영업일 기준 1~2일이 걸립니다.");
      await expect(main.getByRole("heading", { level: 2 })).toHaveText([
        "1. 환불할 수 있는 충전",
        "2. 보너스 포인트",
        "3. 포인트 유효기간",
        "4. 환불 방법과 기간",
        "5. 결제사에서 취소된 결제",
        "6. 문의",
      ]);
      await expect(main).toContainText("충전 포인트(유료)의 유효기간은 적립일부터 1,825일(5년)");
    });
  });
}
