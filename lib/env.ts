import { parseEnv } from "./env-schema";

/**
 * The only place that reads `process.env` for the app. Imported by next.config.ts, so a bad
 * environment fails `next build` and `next start` at once with a message naming the variable.
 */
export const env = parseEnv(process.env);
