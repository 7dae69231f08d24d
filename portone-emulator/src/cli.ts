// `npx portone-emulator [options]`: starts the emulator and prints what an app needs to use it.
import { cliConfig, USAGE } from "./cli-options.js";
import { dotenvFor } from "./dotenv.js";
import { startEmulator } from "./server.js";

async function main(): Promise<void> {
  const parsed = cliConfig(process.argv.slice(2), process.env);
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  const emulator = await startEmulator(parsed.overrides);
  const { config, url, localUrl } = emulator;
  const lines = [
    `PortOne V2 test-mode emulator listening on ${localUrl}${url === localUrl ? "" : `, reached at ${url}`}`,
    `  Console      ${url}/console`,
    `  Playground   ${url}/playground`,
    `  Webhooks to  ${config.webhookUrl || "(none: only payments' noticeUrls)"}`,
    `  Channels     ${config.channels.map((channel) => `${channel.easyPayProvider ?? channel.payMethod} (${channel.pgProvider})`).join(", ")}`,
    `  State        ${config.stateFile || "memory only"}`,
    `  V1 (I'mport) ${url}/v1/iamport.js, merchant code ${config.v1ImpCode}, notices to ${config.v1WebhookUrl || "(none: only notice_url)"}`,
    "",
    "# Paste into your app's .env to use this emulator:",
    ...dotenvFor(url, config),
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

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
  console.error(`[portone-emulator] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
