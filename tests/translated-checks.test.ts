import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signUpSchema } from "@/lib/auth/credentials";
import type { Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";
import { checkCashReceipt, type CashReceiptProblem } from "@/lib/payments/cash-receipt";
import { refundAccountSchema } from "@/lib/payments/refunds/refund-account";
import { setOfflineAppEnv } from "./support/app-env";

// The buyer-facing routes read the session and the request's language; neither exists under Vitest.
const request = vi.hoisted(() => ({ locale: "ko" as "ko" | "en" }));
vi.mock("next-intl/server", async () =>
  (await import("./support/request-translations")).requestTranslationsIn(() => request.locale),
);
vi.mock("@/lib/auth/session", () => ({ signedInUser: async () => null, signedInUserOwning: async () => null }));
beforeEach(() => {
  request.locale = "ko";
});

const signUpChecks = (locale: Locale) =>
  createTranslator({ locale, messages: messagesOf(locale), namespace: "signUpChecks" });

/** The sign-up form's field errors for what was typed, in a language. */
function signUpErrors(locale: Locale, input: Record<string, string | undefined>) {
  const parsed = signUpSchema(signUpChecks(locale)).safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
}

describe("the sign-up form's field checks", () => {
  const bad = { name: "   ", email: "not-an-address", password: "short" };

  it("keep their Korean wording", () => {
    expect(signUpErrors("ko", bad)).toEqual({
      name: "이름을 입력해 주세요.",
      email: "올바른 이메일 주소를 입력해 주세요.",
      password: "비밀번호는 8자 이상이어야 합니다.",
    });
    expect(signUpErrors("ko", { name: "가".repeat(41), email: undefined, password: "x".repeat(129) })).toEqual({
      name: "이름은 40자 이하여야 합니다.",
      email: "이메일을 입력해 주세요.",
      password: "비밀번호는 128자 이하여야 합니다.",
    });
    expect(signUpErrors("ko", { name: "a\u0000b", email: "a@example.com", password: undefined })).toEqual({
      name: "이름에 쓸 수 없는 문자가 들어 있습니다.",
      password: "비밀번호를 입력해 주세요.",
    });
  });

  it("speak English to an English-speaking buyer", () => {
    expect(signUpErrors("en", bad)).toEqual({
      name: "Please enter your name.",
      email: "Please enter a valid e-mail address.",
      password: "Your password needs at least 8 characters.",
    });
    expect(signUpErrors("en", { name: "a".repeat(41), email: undefined, password: "x".repeat(129) })).toEqual({
      name: "Your name can have at most 40 characters.",
      email: "Please enter your e-mail.",
      password: "Your password can have at most 128 characters.",
    });
    expect(signUpErrors("en", { name: "a\u0000b", email: "a@example.com", password: undefined })).toEqual({
      name: "Your name contains characters that cannot be used.",
      password: "Please enter a password.",
    });
  });

  it("accept a valid sign-up, the address trimmed and lower-cased", () => {
    const parsed = signUpSchema(signUpChecks("en")).parse({
      name: " Jane ",
      email: " Jane@Example.COM ",
      password: "long-enough",
    });
    expect(parsed).toEqual({ name: "Jane", email: "jane@example.com", password: "long-enough" });
  });
});

describe("a refused cash receipt number", () => {
  const problemText = (locale: Locale, problem: CashReceiptProblem) =>
    createTranslator({ locale, messages: messagesOf(locale), namespace: "cashReceipt" })(`problems.${problem}`);

  it("names its problem, which the charge form says in the buyer's language", () => {
    const phone = checkCashReceipt("PERSONAL", "02-123-4567");
    const business = checkCashReceipt("CORPORATE", "220-81-62518");
    expect(phone).toEqual({ ok: false, problem: "mobile_number" });
    expect(business).toEqual({ ok: false, problem: "business_number" });
    expect(problemText("ko", "mobile_number")).toBe("휴대폰 번호를 010으로 시작하는 10~11자리 숫자로 입력해 주세요.");
    expect(problemText("ko", "business_number")).toBe(
      "사업자등록번호 10자리를 확인해 주세요. 번호가 올바르지 않습니다.",
    );
    expect(problemText("en", "mobile_number")).toBe("Enter a Korean mobile number: 10 or 11 digits starting with 010.");
    expect(problemText("en", "business_number")).toBe(
      "Check the 10-digit business registration number: it is not valid.",
    );
  });
});

describe("the payment routes a buyer's page calls", () => {
  setOfflineAppEnv();

  it("answer a visitor without a session in the request's language, the code unchanged", async () => {
    const { GET } = await import("@/app/api/payments/[paymentId]/status/route");
    const { POST } = await import("@/app/api/payments/complete/route");
    const status = () =>
      GET(new Request("http://localhost/api/payments/p1/status"), { params: Promise.resolve({ paymentId: "p1" }) });
    const complete = () =>
      POST(
        new Request("http://localhost/api/payments/complete", {
          method: "POST",
          body: JSON.stringify({ paymentId: "p1" }),
        }),
      );
    for (const [locale, message] of [
      ["ko", "로그인이 필요합니다."],
      ["en", "Please sign in."],
    ] as const) {
      request.locale = locale;
      for (const answer of [await status(), await complete()]) {
        expect(answer.status).toBe(401);
        expect(await answer.json()).toEqual({ error: "unauthenticated", message });
      }
    }
  });
});

describe("the refund account's checks", () => {
  const errors = (locale: Locale, input: Record<string, string>) => {
    const checks = createTranslator({ locale, messages: messagesOf(locale), namespace: "refundAccountChecks" });
    const parsed = refundAccountSchema(checks).safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
  };
  const bad = { bank: "NOT_A_BANK", number: "110-12", holderName: "  " };

  it("keep their Korean wording", () => {
    expect(errors("ko", bad)).toEqual({
      bank: "은행을 선택해 주세요.",
      number: "계좌번호는 숫자 10~16자리로 입력해 주세요.",
      holderName: "예금주를 입력해 주세요.",
    });
  });

  it("speak English to an English buyer", () => {
    expect(errors("en", bad)).toEqual({
      bank: "Please choose a bank.",
      number: "Enter the account number as 10 to 16 digits.",
      holderName: "Please enter the account holder.",
    });
    expect(errors("en", { bank: "SHINHAN", number: "110123456789", holderName: "x".repeat(31) })).toEqual({
      holderName: "The account holder can be at most 30 characters.",
    });
  });
});
