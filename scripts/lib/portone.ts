import { spawn } from "node:child_process";
import { channelCurrency, emulatorDefaults, isKrwChannel, startEmulator, type EmulatorConfig } from "portone-emulator";
import { BILLING_OPTIONS } from "../../lib/billing/billing-options";
import { PAY_OPTION_TABLE, type V1PayOptionId } from "../../lib/payments/catalog/pay-option-table";
import { onShutdown, stopChild } from "./processes";

/** The app's PortOne variables for a running emulator: the same names real keys use. */
export function appEnvForEmulator(url: string, config: EmulatorConfig): Record<string, string> {
  const env: Record<string, string> = {
    PORTONE_API_BASE: url,
    NEXT_PUBLIC_PORTONE_SDK_URL: `${url}/v2/browser-sdk.js`,
    PORTONE_STORE_ID: config.storeId,
    PORTONE_API_SECRET: config.apiSecret,
    PORTONE_WEBHOOK_SECRET: config.webhookSecrets.join(","),
  };
  // A pay option takes the channel of its pay method and currency: the emulator's global card
  // shares CARD with the won card, and must never take its variable.
  for (const channel of config.channels) {
    const option = PAY_OPTION_TABLE.find(
      (row) =>
        row.payMethod === channel.payMethod &&
        row.easyPayProvider === channel.easyPayProvider &&
        row.currency === channelCurrency(channel),
    );
    if (option) env[option.channelKeyVariable] = channel.key;
  }
  // The emulator issues and charges billing keys (in won) on its card and wallet channels.
  const krwChannels = config.channels.filter(isKrwChannel);
  for (const option of BILLING_OPTIONS) {
    const channel = krwChannels.find(
      (candidate) =>
        candidate.payMethod === option.billingKeyMethod && candidate.easyPayProvider === option.easyPayProvider,
    );
    if (channel) env[option.channelKeyVariable] = channel.key;
  }
  return env;
}

// A V1 store names a PG per pay method; the emulator takes any `provider.mid`, and each comes back
// as the payment's pg_provider and pg_id. Phone payments and KakaoPay have PGs of their own, as in
// most V1 stores.
const V1_TEST_PGS: Record<V1PayOptionId, string> = {
  card: "html5_inicis.INIpayTest",
  kakaopay: "kakaopay.TC0ONETIME",
  naverpay: "html5_inicis.INIpayTest",
  tosspay: "html5_inicis.INIpayTest",
  transfer: "html5_inicis.INIpayTest",
  mobile: "danal.A010002002",
  virtual_account: "html5_inicis.INIpayTest",
};

/**
 * The app's variables for a store still on PortOne V1 (I'mport), against the emulator at `url`
 * (which speaks V1 beside V2): with these the app pays through iamport.js and V1's REST API.
 */
export function v1AppEnvForEmulator(url: string, config: EmulatorConfig = emulatorDefaults): Record<string, string> {
  const env: Record<string, string> = {
    PORTONE_V1_IMP_CODE: config.v1ImpCode,
    PORTONE_V1_API_KEY: config.v1ApiKey,
    PORTONE_V1_API_SECRET: config.v1ApiSecret,
    PORTONE_V1_API_URL: url,
    NEXT_PUBLIC_IAMPORT_SDK_URL: `${url}/v1/iamport.js`,
  };
  for (const option of PAY_OPTION_TABLE) {
    if (option.v1) env[option.v1.pgVariable] = V1_TEST_PGS[option.id as V1PayOptionId];
  }
  return env;
}

/** Starts the PortOne emulator inside this process; it stops with the stack. */
export async function startPortOneEmulator(overrides: Partial<EmulatorConfig>): Promise<Record<string, string>> {
  const emulator = await startEmulator({ ...overrides });
  onShutdown(() => emulator.close());
  console.log(`[stack] PortOne emulator at ${emulator.url} (console: ${emulator.url}/console)`);
  return appEnvForEmulator(emulator.url, emulator.config);
}

/**
 * The emulator as a process of its own (`npm run emulator`), for the benchmark: PortOne is
 * another machine, and serving its API must not share an event loop with the load generator.
 */
export async function startPortOneEmulatorProcess(
  port: number,
  /** More of the emulator's variables, e.g. PORTONE_EMULATOR_STATE_FILE. */
  extraEnv: Record<string, string> = {},
): Promise<Record<string, string>> {
  const child = spawn(process.execPath, ["node_modules/portone-emulator/bin/portone-emulator.js"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORTONE_EMULATOR_PORT: String(port), PORTONE_EMULATOR_WEBHOOK_URL: "", ...extraEnv },
  });
  onShutdown(() => stopChild(child));
  const url = `http://localhost:${port}`;
  // (A large state file takes a while to load.)
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (
      await fetch(`${url}/__emulator/config`).then(
        (response) => response.ok,
        () => false,
      )
    ) {
      return appEnvForEmulator(url, emulatorDefaults);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the PortOne emulator did not start on port ${port}`);
}

export { emulatorDefaults };
