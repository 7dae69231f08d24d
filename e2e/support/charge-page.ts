import { expect, type Locator, type Page } from "@playwright/test";
import { agreeToRequired } from "./auth";

/** Requests to the charge page (its server actions), whatever package its URL holds. */
export const CHARGE_PAGE = (url: URL) => url.pathname === "/charge";

export const CHECKOUT_FRAME = 'iframe[title="PortOne 테스트 결제창"]';

/** PortOne's window asked for in English (locale EN_US, an English-speaking buyer's). */
export const ENGLISH_CHECKOUT_FRAME = 'iframe[title="PortOne test checkout"]';

/** The charge page and the PortOne window it opens, driven by labels as a person would. */
export class ChargePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/charge");
    await expect(this.page.getByRole("heading", { name: "포인트 충전" })).toBeVisible();
  }

  /** `points` is the package's label, e.g. "10,300 P"; `method` a pay option, e.g. "카카오페이". */
  async choose(points: string, method: string) {
    await this.chooseCard(this.page.getByRole("radio", { name: new RegExp(`^${points}`) }));
    await this.chooseCard(this.page.getByRole("radio", { name: method, exact: true }));
  }

  /** Taps the card a radio is drawn as (the input itself is visually hidden), as a person does. */
  private async chooseCard(radio: Locator) {
    await this.page.locator("label").filter({ has: radio }).click();
    await expect(radio).toBeChecked();
  }

  payButton() {
    return this.page.getByRole("button", { name: /결제하기$/ });
  }

  /** Agrees to the payment terms when the page asks (the first payment, or after a text changed), then pays. */
  async pay() {
    await agreeToRequired(this.page);
    await this.payButton().click();
  }

  /** Presses `button` in PortOne's window: an iframe on a PC, the whole page on a phone. */
  async answerWindow(button: string) {
    const frame = this.page.locator(CHECKOUT_FRAME);
    const wholePage = this.page.getByRole("button", { name: button });
    await expect(frame.or(wholePage).first()).toBeVisible();
    if (await frame.isVisible()) await this.checkout().getByRole("button", { name: button }).click();
    else await wholePage.click();
  }

  /** A whole card charge, approved in PortOne's window; returns the paymentId. */
  async chargeByCard(points: string): Promise<string> {
    await this.open();
    await this.choose(points, "신용·체크카드");
    await this.pay();
    await this.answerWindow("결제 승인");
    const paymentId = await this.resultPaymentId();
    await expect(this.page.getByTestId("payment-outcome")).toHaveText("충전이 완료되었습니다");
    return paymentId;
  }

  /** A virtual account issued in PortOne's window, not yet deposited; returns the paymentId. */
  async issueVirtualAccount(points: string): Promise<string> {
    await this.open();
    await this.choose(points, "가상계좌");
    await this.pay();
    await this.checkout().getByRole("button", { name: "가상계좌 발급" }).click();
    const paymentId = await this.resultPaymentId();
    await expect(this.page.getByTestId("payment-outcome")).toHaveText("가상계좌가 발급되었습니다");
    return paymentId;
  }

  checkout() {
    return this.page.frameLocator(CHECKOUT_FRAME);
  }

  /** The paymentId the result page shows. */
  async resultPaymentId(): Promise<string> {
    await this.page.waitForURL(/\/charge\/result\?/);
    // V2 and our own links name it paymentId; V1's m_redirect_url, merchant_uid.
    const query = new URL(this.page.url()).searchParams;
    const id = query.get("paymentId") ?? query.get("merchant_uid");
    if (!id) throw new Error("no paymentId on the result page");
    return id;
  }

  errorAlert() {
    return this.page.locator("main form").getByRole("alert");
  }

  headerBalance() {
    return this.page.getByTestId("header-balance");
  }
}
