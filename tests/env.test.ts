import { describe, expect, it } from "vitest";
import { EnvError, parseDatabaseUrl, parseEnv, usesPortOneV1, usesRealPortOneV1 } from "../lib/env-schema";
import { businessInfoOf } from "../lib/legal/business-info";
import { configuredPayOptions, PAY_OPTION_TABLE } from "../lib/payments/catalog/pay-option-table";

const valid = {
  DATABASE_URL: "postgres://app:secret@127.0.0.1:5432/points",
  AUTH_SECRET: "x".repeat(44),
  PORTONE_STORE_ID: "store-00000000-0000-4000-8000-000000000000",
  PORTONE_API_SECRET: "s".repeat(40),
  PORTONE_WEBHOOK_SECRET: "whsec_one",
  PORTONE_CHANNEL_KEY_CARD: "channel-key-card",
  BUSINESS_NAME: "주식회사 포인트",
  BUSINESS_REPRESENTATIVE: "김대표",
  BUSINESS_REGISTRATION_NUMBER: "123-45-67890",
  BUSINESS_MAIL_ORDER_NUMBER: "제2026-서울강남-01234호",
  BUSINESS_ADDRESS: "서울특별시 강남구 테헤란로 1",
  SUPPORT_EMAIL: "help@example.com",
  SUPPORT_PHONE: "02-123-4567",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("accepts a complete environment and fills the defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.PORTONE_API_BASE).toBe("https://api.portone.io");
    expect(env.AUTH_KAKAO_ID).toBeUndefined();
  });

  it("names a missing variable and says how to fix it", () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: undefined });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL is missing\./);
    expect(problems[0]).toContain("npm run dev");
  });

  it("reports every bad variable at once", () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: "mysql://localhost/points", AUTH_SECRET: "short" });
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual(["DATABASE_URL", "AUTH_SECRET"]);
    expect(problems[0]).toContain("must start with postgres://");
    expect(problems[1]).toContain("at least 32 characters");
  });

  it("treats an empty value as missing", () => {
    expect(problemsOf({ ...valid, AUTH_SECRET: "" })[0]).toMatch(/^AUTH_SECRET is missing\./);
  });

  it("refuses half of an OAuth client", () => {
    const problems = problemsOf({ ...valid, AUTH_KAKAO_ID: "kakao-client" });
    expect(problems).toEqual([
      "AUTH_KAKAO_SECRET is missing: set both AUTH_KAKAO_ID and AUTH_KAKAO_SECRET, or neither.",
    ]);
    expect(parseEnv({ ...valid, AUTH_KAKAO_ID: "id", AUTH_KAKAO_SECRET: "secret" }).AUTH_KAKAO_ID).toBe("id");
  });

  it("keeps V2 unless PortOne V1's merchant code and REST key are all set", () => {
    const v2 = parseEnv(valid);
    expect(usesPortOneV1(v2)).toBe(false);
    expect(v2.PORTONE_V1_API_URL).toBe("https://api.iamport.kr");
    expect(usesRealPortOneV1(v2)).toBe(true);

    const v1 = parseEnv({
      ...valid,
      PORTONE_V1_IMP_CODE: "imp12345678",
      PORTONE_V1_API_KEY: "1234567890123456",
      PORTONE_V1_API_SECRET: "v1-secret",
      PORTONE_V1_API_URL: "http://localhost:4010",
      PORTONE_V1_PG_CARD: "html5_inicis.INIpayTest",
      PORTONE_V1_PG_VIRTUAL_ACCOUNT: "html5_inicis.INIpayTest",
    });
    expect(usesPortOneV1(v1)).toBe(true);
    expect(usesRealPortOneV1(v1)).toBe(false);
    // A V1 store offers what its PGs are set for; V2's channel keys are not its options.
    expect(configuredPayOptions(v1, "v1").map(({ id, channelKey }) => [id, channelKey])).toEqual([
      ["card", "html5_inicis.INIpayTest"],
      ["virtual_account", "html5_inicis.INIpayTest"],
    ]);
  });

  it("a store on V1 alone needs none of V2's variables; a V2 store is told which it lacks", () => {
    const v1Only = parseEnv({
      DATABASE_URL: valid.DATABASE_URL,
      AUTH_SECRET: valid.AUTH_SECRET,
      PORTONE_V1_IMP_CODE: "imp12345678",
      PORTONE_V1_API_KEY: "1234567890123456",
      PORTONE_V1_API_SECRET: "v1-secret",
      PORTONE_V1_API_URL: "http://localhost:4010",
      PORTONE_V1_PG_CARD: "html5_inicis.INIpayTest",
    });
    expect(usesPortOneV1(v1Only)).toBe(true);
    // Nothing V2 would accept: no store, no secret, no webhook secret to verify a signature with.
    expect([v1Only.PORTONE_STORE_ID, v1Only.PORTONE_API_SECRET, v1Only.PORTONE_WEBHOOK_SECRET]).toEqual(["", "", []]);

    const problems = problemsOf({ ...valid, PORTONE_API_SECRET: " ", PORTONE_WEBHOOK_SECRET: undefined });
    expect(problems.map((problem) => problem.split(".")[0])).toEqual([
      "PORTONE_API_SECRET is missing",
      "PORTONE_WEBHOOK_SECRET is missing",
    ]);
    expect(problemsOf({ ...valid, PORTONE_STORE_ID: "store-1" })[0]).toMatch(
      /^PORTONE_STORE_ID must look like store-<uuid>/,
    );
  });

  it("a V1 store needs a PG for at least one pay method", () => {
    const problems = problemsOf({
      ...valid,
      PORTONE_V1_IMP_CODE: "imp12345678",
      PORTONE_V1_API_KEY: "1234567890123456",
      PORTONE_V1_API_SECRET: "v1-secret",
    });
    expect(problems).toEqual([
      "No PortOne V1 PG is set: set at least one of PORTONE_V1_PG_CARD, _KAKAOPAY, _NAVERPAY, _TOSSPAY, _TRANSFER, _MOBILE " +
        "or _VIRTUAL_ACCOUNT to the pg that IMP.request_pay names for it (e.g. html5_inicis.INIpayTest).",
    ]);
  });

  it("refuses part of the V1 credentials and a merchant code of the wrong shape", () => {
    expect(problemsOf({ ...valid, PORTONE_V1_IMP_CODE: "imp12345678", PORTONE_V1_API_KEY: "key" })).toEqual([
      "PORTONE_V1_API_SECRET is missing: set all of PORTONE_V1_IMP_CODE, PORTONE_V1_API_KEY, PORTONE_V1_API_SECRET for PortOne V1, or none.",
    ]);
    expect(problemsOf({ ...valid, PORTONE_V1_IMP_CODE: "store-1" })[0]).toMatch(
      /^PORTONE_V1_IMP_CODE must look like imp12345678/,
    );
  });

  it("takes several webhook secrets, for rotation", () => {
    expect(parseEnv({ ...valid, PORTONE_WEBHOOK_SECRET: "whsec_a, whsec_b whsec_c" }).PORTONE_WEBHOOK_SECRET).toEqual([
      "whsec_a",
      "whsec_b",
      "whsec_c",
    ]);
  });

  it("needs at least one PortOne channel key", () => {
    const problems = problemsOf({ ...valid, PORTONE_CHANNEL_KEY_CARD: undefined });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(
      "No PortOne channel key is set: set at least one of PORTONE_CHANNEL_KEY_CARD, _KAKAOPAY, _NAVERPAY, _TOSSPAY, _TRANSFER, _MOBILE, " +
        "_VIRTUAL_ACCOUNT, _CARD_USD or _PAYPAL_USD (PortOne console → 결제 연동 → 채널 관리).",
    );
  });

  it("takes any one pay option's channel key as enough", () => {
    for (const option of PAY_OPTION_TABLE) {
      const env = parseEnv({
        ...valid,
        PORTONE_CHANNEL_KEY_CARD: undefined,
        [option.channelKeyVariable]: `key-${option.id}`,
      });
      expect(configuredPayOptions(env).map(({ id, channelKey }) => [id, channelKey])).toEqual([
        [option.id, `key-${option.id}`],
      ]);
    }
  });

  it("offers the pay options whose channel key is set, in the table's order", () => {
    const env = parseEnv({
      ...valid,
      PORTONE_CHANNEL_KEY_VIRTUAL_ACCOUNT: "key-va",
      PORTONE_CHANNEL_KEY_KAKAOPAY: "  ",
    });
    expect(configuredPayOptions(env).map(({ id, channelKey }) => [id, channelKey])).toEqual([
      ["card", "channel-key-card"],
      ["virtual_account", "key-va"],
    ]);
  });

  it("explains where PortOne values come from", () => {
    const problems = problemsOf({ ...valid, PORTONE_STORE_ID: "my-store" });
    expect(problems[0]).toContain("PORTONE_STORE_ID must look like store-<uuid>");
    expect(problems[0]).toContain("PortOne console");
  });

  it("is used whole in the error message", () => {
    expect(() => parseEnv({})).toThrowError(/Invalid environment:\n {2}- DATABASE_URL is missing/);
  });

  it("ignores ADMIN_EMAILS, which grants nothing any more", () => {
    expect(parseEnv({ ...valid, ADMIN_EMAILS: "ops@example.com" })).not.toHaveProperty("ADMIN_EMAILS");
  });

  it("trusts no proxy unless told how many there are", () => {
    expect(parseEnv(valid).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...valid, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(problemsOf({ ...valid, TRUSTED_PROXY_HOPS: "one" })[0]).toMatch(/^TRUSTED_PROXY_HOPS /);
    expect(problemsOf({ ...valid, TRUSTED_PROXY_HOPS: "-1" })[0]).toMatch(/^TRUSTED_PROXY_HOPS /);
  });

  it("gives the database client PostgreSQL-direct defaults, and takes a pooler's values", () => {
    expect(parseEnv(valid)).toMatchObject({
      DATABASE_POOL_MAX: 10,
      DATABASE_PREPARE: true,
      DATABASE_STARTUP_PARAMETERS: true,
      DATABASE_CONNECT_TIMEOUT_S: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 15_000,
      DATABASE_LOCK_TIMEOUT_MS: 0,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
    });
    const pooled = { DATABASE_POOL_MAX: "1", DATABASE_PREPARE: "false", DATABASE_STARTUP_PARAMETERS: "false" };
    expect(parseEnv({ ...valid, ...pooled, DATABASE_LOCK_TIMEOUT_MS: "" })).toMatchObject({
      DATABASE_POOL_MAX: 1,
      DATABASE_PREPARE: false,
      DATABASE_STARTUP_PARAMETERS: false,
      DATABASE_LOCK_TIMEOUT_MS: 0,
    });
    expect(problemsOf({ ...valid, DATABASE_PREPARE: "no" })[0]).toMatch(/^DATABASE_PREPARE .*false/);
    expect(problemsOf({ ...valid, DATABASE_POOL_MAX: "0" })[0]).toMatch(/^DATABASE_POOL_MAX /);
  });
});

describe("business information", () => {
  const withoutBusiness = Object.fromEntries(
    Object.entries(valid).filter(([name]) => !/^(BUSINESS|SUPPORT)_/.test(name)),
  );

  it("is required on the real PortOne, every missing variable named", () => {
    const problems = problemsOf({ ...withoutBusiness, BUSINESS_NAME: "주식회사 포인트" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^BUSINESS_REPRESENTATIVE, BUSINESS_REGISTRATION_NUMBER, BUSINESS_MAIL_ORDER_NUMBER, BUSINESS_ADDRESS, SUPPORT_EMAIL, SUPPORT_PHONE are missing/,
    );
  });

  it("falls back to marked demo values against the emulator", () => {
    const env = parseEnv({ ...withoutBusiness, PORTONE_API_BASE: "http://localhost:4010" });
    expect(businessInfoOf(env)).toMatchObject({ demo: true, registrationNumber: "000-00-00000" });
    expect(businessInfoOf(parseEnv(valid))).toMatchObject({
      demo: false,
      name: "주식회사 포인트",
      supportPhone: "02-123-4567",
    });
  });

  it("checks the shape of the registration number, e-mail and phone", () => {
    const problems = problemsOf({
      ...valid,
      BUSINESS_REGISTRATION_NUMBER: "1234567890",
      SUPPORT_EMAIL: "help",
      SUPPORT_PHONE: "call us",
    });
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual([
      "BUSINESS_REGISTRATION_NUMBER",
      "SUPPORT_EMAIL",
      "SUPPORT_PHONE",
    ]);
    expect(problems[0]).toContain("123-45-67890");
  });

  it("reads the legal texts from content/legal unless told otherwise", () => {
    expect(parseEnv(valid).LEGAL_CONTENT_DIR).toBe("content/legal");
    expect(parseEnv({ ...valid, LEGAL_CONTENT_DIR: "/srv/legal" }).LEGAL_CONTENT_DIR).toBe("/srv/legal");
  });
});

describe("mail", () => {
  it("writes mail into .data/mail without an SMTP server, and takes only smtp:// or smtps:// URLs", () => {
    expect(parseEnv(valid).SMTP_URL).toBeUndefined();
    expect(parseEnv(valid).MAIL_CAPTURE_DIR).toBe(".data/mail");
    expect(parseEnv({ ...valid, SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    const url = "smtps://user:secret-password@smtp.example.com:465";
    expect(parseEnv({ ...valid, SMTP_URL: url }).SMTP_URL).toBe(url);
    let problem = "";
    try {
      parseEnv({ ...valid, SMTP_URL: "https://user:secret-password@smtp.example.com" });
    } catch (error) {
      problem = (error as EnvError).problems.join("\n");
    }
    expect(problem).toMatch(/^SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    // The message names the variable, never its value (the URL carries the password).
    expect(problem).not.toContain("secret-password");
  });
});

describe("parseDatabaseUrl", () => {
  it("needs only the database", () => {
    expect(parseDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL);
    expect(() => parseDatabaseUrl({})).toThrowError(/DATABASE_URL is missing/);
  });
});
