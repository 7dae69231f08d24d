// Settings of the PortOne V1 (I'mport) side. Flat `v1*` keys so that a partial override (env, a
// config file, a test) merges like every other EmulatorConfig key.

/** What the payment callback and the m_redirect_url query carry (PortOne's PGs differ). */
export type V1ResultStyle = "auto" | "full" | "minimal";

export interface V1Config {
  /** Merchant code (가맹점 식별코드) that IMP.init takes, `imp` + 8 digits. */
  v1ImpCode: string;
  /** REST API key and secret for POST /users/getToken (imp_key, imp_secret). */
  v1ApiKey: string;
  v1ApiSecret: string;
  /** Lifetime of an access token; PortOne: 30 minutes. Tests shorten it. */
  v1TokenTtlMs: number;
  /** Console notice URL for V1 webhooks; "" = none (a request's notice_url still works). */
  v1WebhookUrl: string;
  /** PortOne's console lets a store pick JSON or form bodies for V1 notices. */
  v1WebhookContentType: "json" | "form";
  /** Extra attempts after a failed notice, one minute apart (times retryScale). PortOne: 0 unless asked for, at most 5. */
  v1WebhookRetries: number;
  /** PG used when request_pay names neither `pg` nor `channelKey` (the console's default PG). */
  v1DefaultPg: string;
  /** PG providers whose window always leaves the page for m_redirect_url, even on a PC. */
  v1RedirectPgs: string[];
  /**
   * full: callback with `success` and payment fields, redirect with `imp_success` (older PGs);
   * minimal: only imp_uid, merchant_uid, error_code, error_msg (newer PGs);
   * auto: minimal for requests by channelKey, full for requests by `pg`.
   */
  v1ResultStyle: V1ResultStyle;
}

export const v1Defaults: V1Config = {
  v1ImpCode: "imp12345678",
  v1ApiKey: "1234567890123456",
  v1ApiSecret: "emulatorDevV1ApiSecret0000000000000000000000000000000000000000000000000000000000",
  v1TokenTtlMs: 30 * 60_000,
  v1WebhookUrl: "",
  v1WebhookContentType: "json",
  v1WebhookRetries: 0,
  v1DefaultPg: "html5_inicis.INIpayTest",
  v1RedirectPgs: [],
  v1ResultStyle: "auto",
};

export function checkV1Config(config: V1Config): void {
  if (!/^imp\d{8}$/.test(config.v1ImpCode))
    throw new Error(`v1ImpCode must be imp + 8 digits, got "${config.v1ImpCode}"`);
  if (!(config.v1TokenTtlMs > 0)) throw new Error("v1TokenTtlMs must be a number > 0");
  if (config.v1WebhookContentType !== "json" && config.v1WebhookContentType !== "form")
    throw new Error(`v1WebhookContentType must be json or form, got "${String(config.v1WebhookContentType)}"`);
  if (!Number.isInteger(config.v1WebhookRetries) || config.v1WebhookRetries < 0 || config.v1WebhookRetries > 5)
    throw new Error("v1WebhookRetries must be an integer from 0 to 5");
  if (!["auto", "full", "minimal"].includes(config.v1ResultStyle))
    throw new Error(`v1ResultStyle must be auto, full or minimal, got "${String(config.v1ResultStyle)}"`);
}
