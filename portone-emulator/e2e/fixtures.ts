import { expect, type Page } from "@playwright/test";
import { PaymentClient } from "@portone/server-sdk";
import { test as emulatorTest } from "../src/playwright.js";
import type { RunningEmulator } from "../src/server.js";
import { startWebhookReceiver } from "../test/webhook-receiver.js";

type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

interface WorkerFixtures {
  webhooks: WebhookReceiver;
  /** The package's own per-worker emulator (portone-emulator/playwright), sending to `webhooks`. */
  emulator: RunningEmulator;
  portone: ReturnType<typeof PaymentClient>;
}

// Built on the fixture the package exports, so these specs exercise it as another project would.
export const test = emulatorTest.extend<{ playground: PlaygroundPage }, WorkerFixtures>({
  webhooks: [
    async ({}, provide) => {
      const receiver = await startWebhookReceiver();
      await provide(receiver);
      await receiver.close();
    },
    { scope: "worker" },
  ],
  portoneEmulatorConfig: [
    async ({ webhooks }, provide) => provide({ webhookUrl: webhooks.url, retryScale: 0.001, webhookTimeoutMs: 2_000 }),
    { scope: "worker" },
  ],
  emulator: [async ({ portoneEmulator }, provide) => provide(portoneEmulator), { scope: "worker" }],
  portone: [
    async ({ emulator }, provide) =>
      provide(PaymentClient({ secret: emulator.config.apiSecret, baseUrl: emulator.url })),
    { scope: "worker" },
  ],
  playground: async ({ page, emulator }, provide) => provide(new PlaygroundPage(page, emulator)),
});

export { expect };

let counter = 0;
export const newPaymentId = (prefix: string) => `e2e-${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const CHECKOUT_FRAME = 'iframe[title="PortOne 테스트 결제창"]';

/**
 * The emulator's playground, opened on 127.0.0.1 while the SDK script comes from localhost:
 * a cross-origin setup like a merchant site on :3000 and the emulator on :4010.
 */
export class PlaygroundPage {
  constructor(
    readonly page: Page,
    readonly emulator: RunningEmulator,
  ) {}

  get merchantOrigin(): string {
    return this.emulator.url.replace("localhost", "127.0.0.1");
  }

  async open(paymentId: string): Promise<void> {
    await this.page.goto(
      `${this.merchantOrigin}/playground?sdk=${encodeURIComponent(this.emulator.url)}&paymentId=${paymentId}`,
    );
    await expect(this.page.getByLabel("결제 ID")).toHaveValue(paymentId);
  }

  async choose(options: {
    channel?: RegExp;
    amount?: number;
    windowType?: "IFRAME" | "POPUP" | "REDIRECTION";
    forceRedirect?: boolean;
    currency?: string;
    locale?: string;
  }) {
    if (options.channel) {
      const label = await this.page
        .getByLabel("채널")
        .locator("option")
        .filter({ hasText: options.channel })
        .first()
        .textContent();
      await this.page.getByLabel("채널").selectOption({ label: label ?? "" });
    }
    if (options.amount !== undefined) await this.page.getByLabel("결제 금액").fill(String(options.amount));
    if (options.windowType) await this.page.getByLabel("창 방식 (PC)").selectOption(options.windowType);
    if (options.forceRedirect) await this.page.getByLabel("강제 리디렉션 (forceRedirect)").check();
    if (options.currency) await this.page.getByLabel("통화").selectOption(options.currency);
    if (options.locale !== undefined) await this.page.getByLabel("결제창 언어 (locale").fill(options.locale);
  }

  async requestPayment(): Promise<void> {
    await this.page.getByRole("button", { name: "결제 요청" }).click();
  }

  /** The JSON the playground printed: requestPayment's response or the rejected error. */
  async result(): Promise<Record<string, unknown>> {
    const output = this.page.getByRole("status", { name: "결과" });
    await expect(output).toContainText("{");
    return JSON.parse((await output.textContent()) ?? "{}") as Record<string, unknown>;
  }
}
