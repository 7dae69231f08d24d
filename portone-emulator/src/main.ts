// CLI: `npm run emulator`. Starts the PortOne V2 test-mode emulator and prints its dev values.
import { configFromEnv } from "./env";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  const emulator = await startEmulator(configFromEnv(process.env));
  const { config, url } = emulator;
  const lines = [
    `PortOne V2 test-mode emulator listening on ${url}`,
    `  REST API base (PORTONE_API_BASE)     ${url}`,
    `  Browser SDK script                   ${url}/v2/browser-sdk.js`,
    `  Console                              ${url}/console`,
    `  Playground                           ${url}/playground`,
    `  Store id                             ${config.storeId}`,
    `  API secret                           ${config.apiSecret}`,
    ...config.webhookSecrets.map((secret, index) => `  Webhook secret ${index + 1}                     ${secret}`),
    `  Webhook URL                          ${config.webhookUrl || "(none: only noticeUrls)"}`,
    `  Retry scale                          ${config.retryScale}`,
    `  State file                           ${config.stateFile || "(memory only)"}`,
    `  Channels:`,
    ...config.channels.map(
      (channel) =>
        `    ${(channel.payMethod + (channel.easyPayProvider ? `/${channel.easyPayProvider}` : "")).padEnd(24)} ${channel.key}  (${channel.pgProvider})`,
    ),
  ];
  console.log(lines.join("\n"));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[portone-emulator] ${signal}: stopping`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("[portone-emulator] failed to start:", error);
  process.exit(1);
});
