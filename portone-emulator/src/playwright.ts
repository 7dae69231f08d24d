// `portone-emulator/playwright`: Playwright fixtures for apps tested against the emulator.
import { test as base, expect, type FrameLocator, type Page } from "@playwright/test";
import type { EmulatorConfig } from "./config.js";
import { EmulatorControl } from "./control-client.js";
import { startEmulator, type RunningEmulator } from "./server.js";

/** The checkout window's buttons, as a tester presses them: Korean, or English for another `locale`. */
const BUTTONS = {
  approve: /^(결제 승인|Approve payment)$/,
  decline: /^(결제 실패\(거절\)|Decline payment)$/,
  close: /^(창 닫기|Close window)$/,
  issueVirtualAccount: /^(가상계좌 발급|Issue virtual account)$/,
  issueBillingKey: /^(빌링키 발급|Issue billing key)$/,
} as const;

const CHECKOUT_FRAME = 'iframe[title="PortOne 테스트 결제창"], iframe[title="PortOne test checkout"]';

/**
 * PortOne's checkout window wherever the browser SDK opened it: an iframe over the page (PC
 * default), a popup (`windowType.pc: "POPUP"`) or the whole page (phones, `REDIRECTION`).
 */
export class CheckoutWindow {
  constructor(
    private readonly page: Page,
    private readonly emulatorUrl: string,
  ) {}

  /** The window, once it is open (waits up to `timeout` ms). */
  async locate(timeout = 15_000): Promise<Page | FrameLocator> {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (this.page.url().startsWith(`${this.emulatorUrl}/checkout/`)) return this.page;
      const popup = this.page
        .context()
        .pages()
        .find((candidate) => candidate.url().startsWith(`${this.emulatorUrl}/checkout/`));
      if (popup) return popup;
      if (await this.page.locator(CHECKOUT_FRAME).isVisible()) return this.page.frameLocator(CHECKOUT_FRAME);
      if (Date.now() > deadline) throw new Error("PortOne's checkout window did not open");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async press(button: RegExp, fields: Record<string, string> = {}): Promise<void> {
    const window = await this.locate();
    for (const [label, option] of Object.entries(fields))
      await window.getByLabel(label).selectOption({ label: option });
    await window.getByRole("button", { name: button }).click();
  }

  /**
   * Approves; `fields` picks the window's options by label, e.g. `{ 카드사: "현대카드", 할부: "3개월" }`
   * (an English window: `{ "Card issuer": "Hyundai Card", Installments: "3 months" }`).
   */
  approve(fields?: Record<string, string>) {
    return this.press(BUTTONS.approve, fields);
  }
  /** The PG declines the payment (FAILED, with the PG's code and message). */
  decline() {
    return this.press(BUTTONS.decline);
  }
  /** The buyer closes the window (FAILED, PAY_PROCESS_CANCELED). */
  close() {
    return this.press(BUTTONS.close);
  }
  /** Issues the virtual account of a VIRTUAL_ACCOUNT payment (deposit later with `deposit`). */
  issueVirtualAccount(fields?: Record<string, string>) {
    return this.press(BUTTONS.issueVirtualAccount, fields);
  }
  /**
   * Clicks the PayPal button `loadPaymentUI` rendered into the page's `portone-ui-container`,
   * which opens PayPal's window (a popup); then `approve`, `decline` or `close` it.
   */
  async openPayPal(): Promise<void> {
    await this.page.locator(".portone-ui-container").getByRole("button", { name: "PayPal" }).click();
  }
  /** Issues the billing key of a `requestIssueBillingKey` window. */
  issueBillingKey() {
    return this.press(BUTTONS.issueBillingKey);
  }
}

export interface PortOneEmulatorFixtures {
  /** The checkout window of this test's page. */
  checkoutWindow: CheckoutWindow;
}

export interface PortOneEmulatorWorkerFixtures {
  /** Settings for this worker's emulator (`test.use({ portoneEmulatorConfig: {...} })` in a config or file). */
  portoneEmulatorConfig: Partial<EmulatorConfig>;
  /** One emulator per worker on a free port, with its control client. */
  portoneEmulator: RunningEmulator & { control: EmulatorControl };
}

/**
 * `test` with an emulator per worker. Tests share it, so each uses its own paymentIds (the
 * emulator keeps every payment, and faults name a paymentId). Point the app under test at
 * `portoneEmulator.url` (server SDK `baseUrl`, browser SDK script `${url}/v2/browser-sdk.js`).
 */
export const test = base.extend<PortOneEmulatorFixtures, PortOneEmulatorWorkerFixtures>({
  portoneEmulatorConfig: [{}, { scope: "worker", option: true }],
  portoneEmulator: [
    async ({ portoneEmulatorConfig }, provide) => {
      const emulator = await startEmulator({ port: 0, ...portoneEmulatorConfig });
      await provide({ ...emulator, control: new EmulatorControl(emulator.localUrl) });
      await emulator.close();
    },
    { scope: "worker" },
  ],
  checkoutWindow: async ({ page, portoneEmulator }, provide) => provide(new CheckoutWindow(page, portoneEmulator.url)),
});

export { expect };
