import { z } from "zod";
import { BILLING_CHANNEL_VARIABLES, type BillingChannelVariable } from "./billing/billing-options";
import {
  CHANNEL_KEY_VARIABLES,
  V1_PG_VARIABLES,
  type ChannelKeyVariable,
  type V1PgVariable,
} from "./payments/catalog/pay-option-table";

/**
 * The application's environment, described once. `lib/env.ts` applies it to `process.env`;
 * scripts and tests call `parseEnv` with their own source so a bad value fails the same way.
 */

const REAL_PORTONE_API = "https://api.portone.io";
const REAL_PORTONE_V1_API = "https://api.iamport.kr";

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

// One optional variable per pay option (lib/payments/catalog/pay-option-table.ts).
const channelKeys = Object.fromEntries(CHANNEL_KEY_VARIABLES.map((name) => [name, optionalText])) as Record<
  ChannelKeyVariable,
  typeof optionalText
>;

// A V1 store's pg per pay option, in place of the channel keys.
const v1Pgs = Object.fromEntries(V1_PG_VARIABLES.map((name) => [name, optionalText])) as Record<
  V1PgVariable,
  typeof optionalText
>;

// The channels that issue billing keys and charge them (자동 충전), one per way to register
// (lib/billing/billing-options.ts); none set, automatic charges are not offered.
const billingChannelKeys = Object.fromEntries(BILLING_CHANNEL_VARIABLES.map((name) => [name, optionalText])) as Record<
  BillingChannelVariable,
  typeof optionalText
>;

// Korean law (전자상거래법 §10) requires these on every page of a shop; see lib/legal/business-info.ts.
const businessInfo = {
  BUSINESS_NAME: optionalText,
  BUSINESS_REPRESENTATIVE: optionalText,
  BUSINESS_REGISTRATION_NUMBER: optionalText.refine(
    (value) => value === undefined || /^\d{3}-\d{2}-\d{5}$/.test(value),
    "must look like 123-45-67890",
  ),
  BUSINESS_MAIL_ORDER_NUMBER: optionalText,
  BUSINESS_ADDRESS: optionalText,
  SUPPORT_EMAIL: optionalText.refine(
    (value) => value === undefined || z.email().safeParse(value).success,
    "must be an e-mail address",
  ),
  SUPPORT_PHONE: optionalText.refine(
    (value) => value === undefined || /^[0-9][0-9-]{6,14}$/.test(value),
    "must be a phone number of digits and hyphens, e.g. 1588-0000",
  ),
};

export const BUSINESS_INFO_VARIABLES = Object.keys(businessInfo) as (keyof typeof businessInfo)[];

// Days a credit stays usable, fixed on each credit when it is made; 0 means it never expires.
// Empty counts as unset (the default), so a blank line in .env cannot silently mean "never".
const validityDays = (fallback: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(0).max(36_500).default(fallback),
  );

// "true" / "false"; empty or unset is the default.
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", ""])
    .optional()
    .transform((value) => (value === "true" ? true : value === "false" ? false : fallback));

// A whole number with a default; empty counts as unset.
const wholeNumber = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(min).max(max).default(fallback),
  );

/** Trimmed; empty counts as unset, which becomes `unset` for checkV2Credentials to judge. */
function v2Credential<T>(schema: z.ZodType<T, string>, unset: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
    schema.optional().transform((value) => value ?? unset),
  );
}

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  // The database client (db/index.ts); README "Configuration" gives the values for a pooler and serverless.
  DATABASE_POOL_MAX: wholeNumber(10, 1, 500),
  // Named prepared statements; a transaction-mode pooler hands each transaction another server connection.
  DATABASE_PREPARE: flag(true),
  // The timeouts as startup parameters too, so they bound statements outside transactions; poolers refuse them.
  DATABASE_STARTUP_PARAMETERS: flag(true),
  DATABASE_CONNECT_TIMEOUT_S: wholeNumber(10, 1, 300),
  // 0 turns a timeout off (PostgreSQL's own meaning).
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(15_000, 0, 3_600_000),
  DATABASE_LOCK_TIMEOUT_MS: wholeNumber(0, 0, 3_600_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: wholeNumber(30_000, 0, 3_600_000),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_KAKAO_ID: optionalText,
  AUTH_KAKAO_SECRET: optionalText,
  AUTH_NAVER_ID: optionalText,
  AUTH_NAVER_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,
  PORTONE_API_BASE: z.string().url().default(REAL_PORTONE_API),
  // V2's store, API secret and webhook secrets; a store on V1 alone may leave them unset
  // (checkV2Credentials), and then holds "" and no secrets, which no V2 call or webhook passes.
  PORTONE_STORE_ID: v2Credential(z.string().regex(/^store-[0-9a-f-]{36}$/, "must look like store-<uuid>"), ""),
  PORTONE_API_SECRET: v2Credential(z.string().min(20, "must be at least 20 characters"), ""),
  // Several secrets (comma or space separated) so a rotation never rejects a valid webhook.
  PORTONE_WEBHOOK_SECRET: v2Credential(
    z.string().transform((value) => value.split(/[\s,]+/).filter(Boolean)),
    [] as string[],
  ),
  ...channelKeys,
  // A store still on PortOne V1 (I'mport): all three set switch the payment provider to V1
  // (lib/portone/select-provider.ts); none set keeps V2. The V1 API's origin defaults to the real one.
  PORTONE_V1_IMP_CODE: optionalText.refine(
    (value) => value === undefined || /^imp\d{8}$/.test(value),
    "must look like imp12345678",
  ),
  PORTONE_V1_API_KEY: optionalText,
  PORTONE_V1_API_SECRET: optionalText,
  PORTONE_V1_API_URL: z.string().url().default(REAL_PORTONE_V1_API),
  // The addresses PortOne V1 sends notices from (comma or space separated); unset, any sender is
  // heard, since every notice is checked against V1's API anyway.
  PORTONE_V1_WEBHOOK_SENDERS: optionalText.transform((value) => value?.split(/[\s,]+/).filter(Boolean) ?? []),
  ...v1Pgs,
  // iamport.js's stand-in (the emulator's); unset, PortOne's CDN (https://cdn.iamport.kr/v1/iamport.js).
  NEXT_PUBLIC_IAMPORT_SDK_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ...billingChannelKeys,
  ...businessInfo,
  // Where the terms, privacy notice and refund policy are read from (markdown with a version line).
  LEGAL_CONTENT_DIR: optionalText.transform((value) => value ?? "content/legal"),
  // A staging deployment on real PortOne with test channels sets this; production never does.
  PORTONE_ALLOW_TEST_CHANNELS: z
    .enum(["true", "false", ""])
    .optional()
    .transform((value) => value === "true"),
  // Lowest level of the JSON log lines on stdout (lib/observability/log.ts).
  LOG_LEVEL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  // How long a refund waits for PortOne's cancel before leaving the outcome to reconciliation.
  PORTONE_CANCEL_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
  // How long any other PortOne call may take (lib/portone/call.ts), and how often a lookup that
  // timed out or got a 5xx is asked again; calls that change something are never repeated.
  PORTONE_API_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  PORTONE_READ_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  NEXT_PUBLIC_PORTONE_SDK_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Unset: the reconciliation route (GET/POST /api/reconcile) is switched off.
  CRON_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // How long a reconciliation run's lease holds without renewal: a run that died (a killed
  // process, a function cut off) blocks the next one at most this long.
  RECONCILE_LEASE_SECONDS: z.coerce.number().int().min(3).max(3_600).default(60),
  // How many reverse proxies in front of the app append to X-Forwarded-For. 0: none, the address
  // that connected is the client and forwarded headers are ignored (they are the client's own words).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // README "Points validity": paid points 5 years (상법 §64, commercial claims), bonus points 1 year.
  POINTS_PAID_VALIDITY_DAYS: validityDays(1825),
  POINTS_BONUS_VALIDITY_DAYS: validityDays(365),
  // README "Retention": how long reconciliation keeps records that only matter for a while.
  SIGN_IN_ATTEMPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(7),
  WEBHOOK_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  // At least a day: a host application may retry a spend with its key for up to 24 hours.
  IDEMPOTENCY_KEY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(7),
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  // Set: mail goes out through this SMTP server (smtp:// or smtps://, user and password in the URL).
  // Unset: every message is written as a file into MAIL_CAPTURE_DIR instead (development, tests).
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), "must start with smtp:// or smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_CAPTURE_DIR: optionalText.transform((value) => value ?? ".data/mail"),
  // The sender of receipts and notices; default "PointCharge <no-reply@<APP_URL's host>>".
  MAIL_FROM: optionalText,
  // Unset: the service API (POST /api/points/spend) is switched off.
  POINTS_SERVICE_API_KEY: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** How to fix each variable; shown with the error so nobody has to read this file. */
const HINTS: Record<string, string> = {
  DATABASE_URL:
    "Set it to a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/points, or start the app with `npm run dev`, which runs an embedded PostgreSQL when it is unset.",
  DATABASE_POOL_MAX: "Set the most connections one app process opens, e.g. 10 (1 for a serverless function).",
  DATABASE_PREPARE: "Set true (PostgreSQL directly, or a session-mode pooler) or false (a transaction-mode pooler).",
  DATABASE_STARTUP_PARAMETERS:
    "Set true (PostgreSQL directly) or false (a pooler that refuses startup parameters, e.g. PgBouncer in transaction mode).",
  AUTH_SECRET: "Generate one with `openssl rand -base64 33` and set it (`npm run dev` makes one for development).",
  APP_URL: "Set it to the public origin of the app, e.g. https://points.example.com.",
  TRUSTED_PROXY_HOPS:
    "Set it to the number of reverse proxies in front of the app (0 when clients connect to `next start` directly).",
  PORTONE_API_BASE:
    "Leave it unset for the real PortOne API, or set the emulator's origin, e.g. http://localhost:4010.",
  PORTONE_STORE_ID:
    "Copy the store id from the PortOne console (연동 정보), or run `npm run dev`, which uses the emulator's.",
  PORTONE_API_SECRET: "Create a V2 API secret in the PortOne console (연동 정보 → API Keys), or run `npm run dev`.",
  PORTONE_V1_IMP_CODE:
    "Copy the merchant code (가맹점 식별코드, imp + 8 digits) from the PortOne console (V1 API keys).",
  PORTONE_V1_API_URL:
    "Leave it unset for the real V1 API (https://api.iamport.kr), or set the emulator's origin, e.g. http://localhost:4010.",
  PORTONE_WEBHOOK_SECRET:
    "Copy the webhook secret (whsec_…) from the PortOne console (결제알림 Webhook); separate several with commas.",
  CRON_SECRET:
    "Generate one with `openssl rand -hex 32` and give it to the scheduler that calls /api/reconcile, or leave it unset.",
  SMTP_URL:
    "Set the SMTP server as a URL, e.g. smtps://user:password@smtp.example.com:465, or leave it unset to write mail into MAIL_CAPTURE_DIR.",
  POINTS_SERVICE_API_KEY: "Generate one with `openssl rand -hex 32`, or leave it unset to switch the service API off.",
  POINTS_PAID_VALIDITY_DAYS: "Set a whole number of days from 0 (never expires) to 36500, e.g. 1825 for 5 years.",
  POINTS_BONUS_VALIDITY_DAYS: "Set a whole number of days from 0 (never expires) to 36500, e.g. 365 for 1 year.",
  LOG_LEVEL: "Set one of fatal, error, warn, info (the default), debug, trace or silent.",
  BUSINESS_REGISTRATION_NUMBER: "Use the number on the 사업자등록증, with hyphens: 123-45-67890.",
  SUPPORT_EMAIL: "Set the address customers write to, e.g. help@example.com.",
  SUPPORT_PHONE: "Set the customer-service number, digits and hyphens, e.g. 02-123-4567.",
  NEXT_PUBLIC_PORTONE_SDK_URL:
    "Leave it unset for PortOne's CDN, or set the emulator's script, e.g. http://localhost:4010/v2/browser-sdk.js.",
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

type Source = Record<string, string | undefined>;

function describeIssues(error: z.ZodError, source: Source): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const missing = source[name] === undefined || source[name] === "";
    const what = missing ? `${name} is missing` : `${name} ${issue.message}`;
    const hint = HINTS[name];
    return hint ? `${what}. ${hint}` : `${what}.`;
  });
}

/** "PORTONE_CHANNEL_KEY_CARD, _KAKAOPAY, … or _VIRTUAL_ACCOUNT": the first name whole, the rest by their suffix. */
function nameList(names: readonly string[], prefix: string): string {
  const [first, ...rest] = names;
  const suffixes = rest.map((name) => name.slice(prefix.length));
  const last = suffixes.pop();
  return last ? `${[first, ...suffixes].join(", ")} or ${last}` : String(first);
}

function checkChannels(env: z.infer<typeof serverSchema>): string[] {
  if (usesPortOneV1(env)) {
    if (V1_PG_VARIABLES.some((name) => env[name])) return [];
    return [
      `No PortOne V1 PG is set: set at least one of ${nameList(V1_PG_VARIABLES, "PORTONE_V1_PG")} to the pg that IMP.request_pay names for it (e.g. html5_inicis.INIpayTest).`,
    ];
  }
  if (CHANNEL_KEY_VARIABLES.some((name) => env[name])) return [];
  return [
    `No PortOne channel key is set: set at least one of ${nameList(CHANNEL_KEY_VARIABLES, "PORTONE_CHANNEL_KEY")} (PortOne console → 결제 연동 → 채널 관리).`,
  ];
}

/** Both halves of an OAuth client, or neither: a lone id or secret is a typo, not a choice. */
function checkPairs(env: z.infer<typeof serverSchema>): string[] {
  const pairs = [
    ["AUTH_KAKAO_ID", "AUTH_KAKAO_SECRET"],
    ["AUTH_NAVER_ID", "AUTH_NAVER_SECRET"],
    ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
  ] as const;
  return pairs
    .filter(([id, secret]) => Boolean(env[id]) !== Boolean(env[secret]))
    .map(([id, secret]) => `${env[id] ? secret : id} is missing: set both ${id} and ${secret}, or neither.`);
}

const V1_CREDENTIALS = ["PORTONE_V1_IMP_CODE", "PORTONE_V1_API_KEY", "PORTONE_V1_API_SECRET"] as const;

/** V1 takes its merchant code and both halves of its REST key, or none of them: a partial set is a typo. */
function checkV1Credentials(env: z.infer<typeof serverSchema>): string[] {
  const missing = V1_CREDENTIALS.filter((name) => !env[name]);
  if (missing.length === 0 || missing.length === V1_CREDENTIALS.length) return [];
  const verb = missing.length === 1 ? "is" : "are";
  return [`${missing.join(", ")} ${verb} missing: set all of ${V1_CREDENTIALS.join(", ")} for PortOne V1, or none.`];
}

const V2_CREDENTIALS = ["PORTONE_STORE_ID", "PORTONE_API_SECRET", "PORTONE_WEBHOOK_SECRET"] as const;

/** A V2 store needs its store id, API secret and webhook secret; a store on V1 alone none of them. */
function checkV2Credentials(env: z.infer<typeof serverSchema>): string[] {
  if (usesPortOneV1(env)) return [];
  return V2_CREDENTIALS.filter((name) => env[name].length === 0).map((name) => `${name} is missing. ${HINTS[name]}`);
}

/** True when the store is configured for PortOne V1 (I'mport) rather than V2. */
export function usesPortOneV1(env: Pick<Env, (typeof V1_CREDENTIALS)[number]>): boolean {
  return V1_CREDENTIALS.every((name) => Boolean(env[name]));
}

/**
 * The stand-in for the store's PortOne browser script (V2's SDK, or V1's iamport.js), read when
 * the server starts and handed to the page; undefined for PortOne's own.
 */
export function checkoutScriptUrl(
  env: Pick<Env, (typeof V1_CREDENTIALS)[number] | "NEXT_PUBLIC_PORTONE_SDK_URL" | "NEXT_PUBLIC_IAMPORT_SDK_URL">,
): string | undefined {
  return usesPortOneV1(env) ? env.NEXT_PUBLIC_IAMPORT_SDK_URL : env.NEXT_PUBLIC_PORTONE_SDK_URL;
}

/** True when the V1 adapter talks to I'mport's own API rather than the emulator. */
export function usesRealPortOneV1(env: Pick<Env, "PORTONE_V1_API_URL">): boolean {
  return new URL(env.PORTONE_V1_API_URL).origin === REAL_PORTONE_V1_API;
}

/** Against the real PortOne the shop sells for real, so its operator must be named: no demo values. */
function checkBusinessInfo(env: z.infer<typeof serverSchema>): string[] {
  if (!sellsForReal(env)) return [];
  const missing = BUSINESS_INFO_VARIABLES.filter((name) => !env[name]);
  if (missing.length === 0) return [];
  return [
    `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing: a shop on the real PortOne must show its business information (상호, 대표자, 사업자등록번호, 통신판매업 신고번호, 주소, 고객센터) on every page.`,
  ];
}

export type Env = z.infer<typeof serverSchema>;

/** True when the app talks to PortOne itself rather than the emulator (or another stand-in). */
export function usesRealPortOne(env: Pick<Env, "PORTONE_API_BASE">): boolean {
  return new URL(env.PORTONE_API_BASE).origin === REAL_PORTONE_API;
}

/** The store's own provider (V1 or V2) is PortOne itself, not a stand-in: payments are real. */
export function sellsForReal(
  env: Pick<Env, (typeof V1_CREDENTIALS)[number] | "PORTONE_API_BASE" | "PORTONE_V1_API_URL">,
): boolean {
  return usesPortOneV1(env) ? usesRealPortOneV1(env) : usesRealPortOne(env);
}

export function parseEnv(source: Source): Env {
  const result = serverSchema.safeParse(source);
  if (!result.success) throw new EnvError(describeIssues(result.error, source));
  const problems = [
    ...checkPairs(result.data),
    ...checkV1Credentials(result.data),
    ...checkV2Credentials(result.data),
    ...checkChannels(result.data),
    ...checkBusinessInfo(result.data),
  ];
  if (problems.length > 0) throw new EnvError(problems);
  return result.data;
}

/** For tools that only need the database (migrations, seeding). */
export function parseDatabaseUrl(source: Source): string {
  const result = z.object({ DATABASE_URL: postgresUrl }).safeParse(source);
  if (!result.success) throw new EnvError(describeIssues(result.error, source));
  return result.data.DATABASE_URL;
}
