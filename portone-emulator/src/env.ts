import { emulatorDefaults, type EmulatorConfig } from "./config.js";

// The CLI's own environment variables, all prefixed PORTONE_EMULATOR_. Unset = default.

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`${name} must be a number, got "${value}"`);
  return parsed;
}

const list = (value: string | undefined) =>
  value === undefined || value === "" ? undefined : value.split(/[\s,]+/).filter((item) => item !== "");

/** CHANNELS_JSON replaces the channels; CHANNEL_TYPE (TEST or LIVE) sets the type of all of them. */
function channelsOf(json: string | undefined, type: string | undefined): EmulatorConfig["channels"] | undefined {
  const channels = json ? (JSON.parse(json) as EmulatorConfig["channels"]) : undefined;
  if (type === undefined || type === "") return channels;
  if (type !== "TEST" && type !== "LIVE")
    throw new Error(`PORTONE_EMULATOR_CHANNEL_TYPE must be TEST or LIVE, got "${type}"`);
  return (channels ?? emulatorDefaults.channels).map((channel) => ({ ...channel, type }));
}

/** Reads PORTONE_EMULATOR_* into config overrides. Channels come from code or JSON; the env can only set their type. */
export function configFromEnv(env: Record<string, string | undefined>): Partial<EmulatorConfig> {
  const channelsJson = env.PORTONE_EMULATOR_CHANNELS_JSON;
  return {
    port: number("PORTONE_EMULATOR_PORT", env.PORTONE_EMULATOR_PORT),
    host: env.PORTONE_EMULATOR_HOST || undefined,
    publicUrl: env.PORTONE_EMULATOR_PUBLIC_URL || undefined,
    storeId: env.PORTONE_EMULATOR_STORE_ID || undefined,
    apiSecret: env.PORTONE_EMULATOR_API_SECRET || undefined,
    webhookSecrets: list(env.PORTONE_EMULATOR_WEBHOOK_SECRETS),
    // An explicitly empty URL turns console webhooks off (noticeUrls still work).
    webhookUrl: env.PORTONE_EMULATOR_WEBHOOK_URL,
    retryScale: number("PORTONE_EMULATOR_RETRY_SCALE", env.PORTONE_EMULATOR_RETRY_SCALE),
    scheduleScale: number("PORTONE_EMULATOR_SCHEDULE_SCALE", env.PORTONE_EMULATOR_SCHEDULE_SCALE),
    webhookTimeoutMs: number("PORTONE_EMULATOR_WEBHOOK_TIMEOUT_MS", env.PORTONE_EMULATOR_WEBHOOK_TIMEOUT_MS),
    virtualAccountRefundMs: number(
      "PORTONE_EMULATOR_VIRTUAL_ACCOUNT_REFUND_MS",
      env.PORTONE_EMULATOR_VIRTUAL_ACCOUNT_REFUND_MS,
    ),
    stateFile: env.PORTONE_EMULATOR_STATE_FILE || undefined,
    logRequests:
      env.PORTONE_EMULATOR_LOG_REQUESTS === "1" || env.PORTONE_EMULATOR_LOG_REQUESTS === "true" ? true : undefined,
    channels: channelsOf(channelsJson, env.PORTONE_EMULATOR_CHANNEL_TYPE),
    // PortOne V1 (I'mport): PORTONE_EMULATOR_V1_*.
    v1ImpCode: env.PORTONE_EMULATOR_V1_IMP_CODE || undefined,
    v1ApiKey: env.PORTONE_EMULATOR_V1_API_KEY || undefined,
    v1ApiSecret: env.PORTONE_EMULATOR_V1_API_SECRET || undefined,
    v1TokenTtlMs: number("PORTONE_EMULATOR_V1_TOKEN_TTL_MS", env.PORTONE_EMULATOR_V1_TOKEN_TTL_MS),
    v1WebhookUrl: env.PORTONE_EMULATOR_V1_WEBHOOK_URL,
    v1WebhookContentType: (env.PORTONE_EMULATOR_V1_WEBHOOK_CONTENT_TYPE || undefined) as
      EmulatorConfig["v1WebhookContentType"] | undefined,
    v1WebhookRetries: number("PORTONE_EMULATOR_V1_WEBHOOK_RETRIES", env.PORTONE_EMULATOR_V1_WEBHOOK_RETRIES),
    v1DefaultPg: env.PORTONE_EMULATOR_V1_DEFAULT_PG || undefined,
    v1RedirectPgs: list(env.PORTONE_EMULATOR_V1_REDIRECT_PGS),
    v1ResultStyle: (env.PORTONE_EMULATOR_V1_RESULT_STYLE || undefined) as EmulatorConfig["v1ResultStyle"] | undefined,
  };
}
