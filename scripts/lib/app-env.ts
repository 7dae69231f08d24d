import { randomBytes } from "node:crypto";

/** What a built app (`next start`) against the emulator needs: production mode, its own session secret. */
export function builtAppEnv(input: {
  portoneEnv: Record<string, string>;
  databaseUrl: string;
  serviceApiKey: string;
  cronSecret: string;
  /** Refunds give up waiting on PortOne's cancel this soon, so timeouts stay short in tests. */
  cancelTimeoutMs: number;
  /** Where the app writes its mail (no SMTP server runs here): the stack's own folder. */
  mailCaptureDir: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...input.portoneEnv,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: input.databaseUrl,
    AUTH_SECRET: randomBytes(33).toString("base64"),
    POINTS_SERVICE_API_KEY: input.serviceApiKey,
    CRON_SECRET: input.cronSecret,
    PORTONE_CANCEL_TIMEOUT_MS: String(input.cancelTimeoutMs),
    MAIL_CAPTURE_DIR: input.mailCaptureDir,
    SMTP_URL: "",
  };
}
