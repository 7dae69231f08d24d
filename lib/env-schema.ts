import { z } from "zod";

/**
 * The application's environment, described once. `lib/env.ts` applies it to `process.env`;
 * scripts and tests call `parseEnv` with their own source so a bad value fails the same way.
 */

const REAL_PORTONE_API = "https://api.portone.io";

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_KAKAO_ID: optionalText,
  AUTH_KAKAO_SECRET: optionalText,
  AUTH_NAVER_ID: optionalText,
  AUTH_NAVER_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,
  PORTONE_API_BASE: z.string().url().default(REAL_PORTONE_API),
});

/** How to fix each variable; shown with the error so nobody has to read this file. */
const HINTS: Record<string, string> = {
  DATABASE_URL:
    "Set it to a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/points, or start the app with `npm run dev`, which runs an embedded PostgreSQL when it is unset.",
  AUTH_SECRET:
    "Generate one with `openssl rand -base64 33` and set it (`npm run dev` makes one for development).",
  APP_URL: "Set it to the public origin of the app, e.g. https://points.example.com.",
  PORTONE_API_BASE: "Leave it unset for the real PortOne API, or set the emulator's origin, e.g. http://localhost:4010.",
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

export type Env = z.infer<typeof serverSchema>;

export function parseEnv(source: Source): Env {
  const result = serverSchema.safeParse(source);
  if (!result.success) throw new EnvError(describeIssues(result.error, source));
  const pairProblems = checkPairs(result.data);
  if (pairProblems.length > 0) throw new EnvError(pairProblems);
  return result.data;
}

/** For tools that only need the database (migrations, seeding). */
export function parseDatabaseUrl(source: Source): string {
  const result = z.object({ DATABASE_URL: postgresUrl }).safeParse(source);
  if (!result.success) throw new EnvError(describeIssues(result.error, source));
  return result.data.DATABASE_URL;
}
