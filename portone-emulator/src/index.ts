// The emulator's public entry: everything another project (and this repository's app) may import.
export { startEmulator, type RunningEmulator } from "./server.js";
export {
  emulatorDefaults,
  resolveConfig,
  type EmulatorChannel,
  type EmulatorConfig,
  type EmulatorEasyPayProvider,
  type EmulatorPayMethod,
} from "./config.js";
export { channelCurrency, isKrwChannel } from "./domain/channel-limits.js";
export { configFromEnv } from "./env.js";
export { cliConfig, parseChannelSpec } from "./cli-options.js";
export { dotenvFor } from "./dotenv.js";
export { signatureHeader, webhookHeaders } from "./webhooks/sign.js";
export { CONTROL_PREFIX } from "./control/control-routes.js";
export {
  EmulatorControl,
  type ApiFaultInput,
  type CancellationFaultInput,
  type WebhookDelivery,
  type WebhookFaultInput,
} from "./control-client.js";
