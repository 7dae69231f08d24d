import "server-only";
import { hostname } from "node:os";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";
import { currentRequestId } from "./request-id";

/*
 * Field names that must never reach a log, wherever they turn up (top level or one object down,
 * e.g. an error's `data`). Log calls name what they log and never pass these; this is the net
 * under them. Card numbers never reach this server (PortOne's window takes them).
 */
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "secret",
  "apiSecret",
  "webhookSecret",
  "token",
  "accessToken",
  "refreshToken",
  "authorization",
  "cookie",
  "email",
  "billingKey",
  "accountNumber",
  "refundAccount",
  "cardNumber",
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * One JSON object per line on stdout (or `destination`), no worker threads or transports: the
 * platform's log collector reads stdout. Every line written while a request is handled carries
 * its `requestId` (lib/observability/request-id.ts).
 */
export function createLogger(destination: DestinationStream = process.stdout, level: string = env.LOG_LEVEL): Logger {
  return pino(
    {
      level,
      // Which instance wrote a line matters once several run behind a load balancer.
      base: { service: "points-charge", hostname: hostname(), pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

export const log = createLogger();
