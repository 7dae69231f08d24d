import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  emulatorDefaults,
  type EmulatorChannel,
  type EmulatorConfig,
  type EmulatorEasyPayProvider,
  type EmulatorPayMethod,
} from "./config.js";
import { configFromEnv } from "./env.js";

export const USAGE = `Usage: portone-emulator [options]

A PortOne V2 test-mode emulator: REST API, browser SDK script, checkout window, webhooks, console.

Options (each also PORTONE_EMULATOR_<NAME> in the environment, e.g. PORTONE_EMULATOR_PUBLIC_URL,
with PORTONE_EMULATOR_WEBHOOK_SECRETS and PORTONE_EMULATOR_CHANNELS as comma-separated lists; or
the EmulatorConfig key in --config's JSON file, e.g. "publicUrl"; flags win over the environment,
the environment over the file):
  --port <n>               port to listen on (default 4010; 0 = any free port)
  --host <address>         interface to listen on (default 127.0.0.1)
  --public-url <origin>    where browsers and servers reach it, e.g. https://portone.example.test
  --webhook-url <url>      where webhooks go ("" = none; payments' noticeUrls still work)
  --store-id <id>          the store id (default: a fixed development id)
  --api-secret <secret>    the V2 API secret the server SDK authenticates with
  --webhook-secret <s>     a webhook signing secret (repeat for several, as during rotation)
  --channel <spec>         a test channel, repeatable, replacing the defaults:
                             METHOD[/PROVIDER][=PG], e.g. CARD=TOSSPAYMENTS, EASY_PAY/KAKAOPAY,
                             VIRTUAL_ACCOUNT=KCP_V2 (METHOD: CARD, EASY_PAY, TRANSFER, MOBILE,
                             VIRTUAL_ACCOUNT, PAYPAL (USD)); keys are derived from the store id,
                             so they stay the same across restarts
  --state-file <path>      keep payments across restarts in this JSON file
  --retry-scale <factor>   scale PortOne's webhook retry waits (1 = real time)
  --schedule-scale <f>     scale the wait until a payment schedule's timeToPay (1 = real time)
  --config <file.json>     read settings from a JSON file (EmulatorConfig keys)
  --log-requests           log every request line
  --help                   show this text
`;

const PAY_METHODS: readonly EmulatorPayMethod[] = [
  "CARD",
  "EASY_PAY",
  "TRANSFER",
  "MOBILE",
  "VIRTUAL_ACCOUNT",
  "PAYPAL",
];
const PROVIDERS: readonly EmulatorEasyPayProvider[] = ["KAKAOPAY", "NAVERPAY", "TOSSPAY"];

/** A stable uuid-shaped id from the store and the channel's spec: the same on every start. */
function derivedId(prefix: string, storeId: string, spec: string): string {
  const hex = createHash("sha256").update(`${storeId}\n${spec}`).digest("hex");
  return `${prefix}-${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `CARD=TOSSPAYMENTS`, `EASY_PAY/KAKAOPAY`: a channel, or an error naming what is wrong. */
export function parseChannelSpec(spec: string, storeId: string): EmulatorChannel {
  const match = /^([A-Z_]+)(?:\/([A-Z]+))?(?:=([A-Z0-9_]+))?$/.exec(spec.trim().toUpperCase());
  const payMethod = match?.[1] as EmulatorPayMethod | undefined;
  const provider = match?.[2] as EmulatorEasyPayProvider | undefined;
  if (!match || !payMethod || !PAY_METHODS.includes(payMethod)) {
    throw new Error(
      `--channel "${spec}": expected METHOD[/PROVIDER][=PG] with METHOD one of ${PAY_METHODS.join(", ")}`,
    );
  }
  if ((payMethod === "EASY_PAY") !== (provider !== undefined) || (provider && !PROVIDERS.includes(provider))) {
    throw new Error(`--channel "${spec}": EASY_PAY needs a provider (${PROVIDERS.join(", ")}), other methods none`);
  }
  const fallback = emulatorDefaults.channels.find(
    (channel) => channel.payMethod === payMethod && channel.easyPayProvider === provider,
  );
  const pgProvider = match[3] ?? fallback?.pgProvider ?? "TOSSPAYMENTS";
  const canonical = `${payMethod}${provider ? `/${provider}` : ""}=${pgProvider}`;
  return {
    key: derivedId("channel-key", storeId, canonical),
    id: derivedId("channel-id", storeId, canonical),
    name: `${provider ?? payMethod} · ${pgProvider} (테스트)`,
    pgProvider,
    payMethod,
    ...(provider ? { easyPayProvider: provider } : {}),
    // PAYPAL takes the default PayPal channel's currency and minimum (USD, $1.00); the first
    // default of the other methods is domestic, so they stay in KRW.
    ...(fallback?.currency ? { currency: fallback.currency } : {}),
    ...(fallback?.minAmount ? { minAmount: fallback.minAmount } : {}),
  };
}

function configFile(path: string | undefined): Partial<EmulatorConfig> {
  if (!path) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`--config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    throw new Error(`--config ${path}: not a JSON object`);
  return parsed as Partial<EmulatorConfig>;
}

const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;

/** The settings of one start: defaults < config file < environment < flags. `help`: print usage. */
export function cliConfig(
  argv: string[],
  env: Record<string, string | undefined>,
): { help: true } | { help: false; overrides: Partial<EmulatorConfig> } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "public-url": { type: "string" },
      "webhook-url": { type: "string" },
      "store-id": { type: "string" },
      "api-secret": { type: "string" },
      "webhook-secret": { type: "string", multiple: true },
      channel: { type: "string", multiple: true },
      "state-file": { type: "string" },
      "retry-scale": { type: "string" },
      "schedule-scale": { type: "string" },
      config: { type: "string" },
      "log-requests": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { help: true };
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed)) throw new Error(`--${name} must be a number, got "${value}"`);
    return parsed;
  };
  const fromFlags = defined({
    port: number("port", values.port),
    host: values.host,
    publicUrl: values["public-url"],
    webhookUrl: values["webhook-url"],
    storeId: values["store-id"],
    apiSecret: values["api-secret"],
    webhookSecrets: values["webhook-secret"],
    stateFile: values["state-file"],
    retryScale: number("retry-scale", values["retry-scale"]),
    scheduleScale: number("schedule-scale", values["schedule-scale"]),
    logRequests: values["log-requests"],
  });
  const merged = { ...configFile(values.config), ...defined(configFromEnv(env)), ...fromFlags };
  const channelSpecs = values.channel?.length ? values.channel : env.PORTONE_EMULATOR_CHANNELS?.split(/[\s,]+/);
  const specs = channelSpecs?.filter((spec) => spec !== "");
  if (specs?.length) {
    const storeId = merged.storeId ?? emulatorDefaults.storeId;
    merged.channels = specs.map((spec) => parseChannelSpec(spec, storeId));
  }
  return { help: false, overrides: merged };
}
