import compile from "icu-minify/compile";
import format from "icu-minify/format";
import { describe, expect, it } from "vitest";
import { agreementFor, paymentMethodLabel, type TermsLanguage, type TermsText } from "../lib/billing/rule-text";
import { formattersIn, translatorOf } from "../lib/i18n/translator";
import { messagesOf } from "../lib/i18n/messages";
import type { Locale } from "../lib/i18n/locales";
import { findPackage } from "../lib/payments/catalog/packages";

const pack = findPackage("points-10000")!;
const lowBalance = {
  kind: "low_balance",
  pack,
  threshold: 2_000,
  monthlyLimit: 3,
  method: "삼성카드 ****1234",
} as const;
const monthly = { kind: "monthly", pack, dayOfMonth: 25, method: "카카오페이 · 잔액 결제" } as const;

const languageOf = (locale: Locale): TermsLanguage => ({
  t: translatorOf(locale, "autoChargeTerms"),
  format: formattersIn(locale),
});

/** The sentences as `next build` ships them: compiled ahead (next-intl's precompile), formatted without a parser. */
function compiledLanguage(locale: Locale): TermsLanguage {
  const messages = messagesOf(locale).autoChargeTerms;
  const formatters = {
    getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
    getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
    getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
  };
  const t: TermsText = (key, values) => String(format(compile(messages[key]), locale, values, { formatters }));
  return { t, format: formattersIn(locale) };
}

// The Korean agreement as users agreed to it before it moved to messages/: stored texts and their
// digests were made from exactly these words, so they must not change by a byte.
const KOREAN_LOW_BALANCE = [
  "포인트를 사용한 뒤 잔액이 2,000 P 미만이 되면, 등록한 결제 수단(삼성카드 ****1234)으로 10,000원을 결제하고 10,300 P를 충전합니다.",
  "한 달(매월 1일부터 말일까지, 한국 시간)에 최대 3회, 최대 30,000원까지 결제됩니다.",
  "결제가 거절되면 1시간, 6시간, 24시간 뒤에 다시 시도하고, 그래도 안 되면 자동 충전을 멈추고 알려 드립니다.",
  "자동 충전은 내 계정 > 결제 수단에서 언제든 해지할 수 있으며, 해지하면 그 뒤로는 결제되지 않습니다. 자동 충전된 포인트도 사용하지 않은 만큼 환불받을 수 있습니다.",
].join("\n");
const KOREAN_MONTHLY = [
  "매월 25일 오전 9시(한국 시간)에 등록한 결제 수단(카카오페이 · 잔액 결제)으로 10,000원을 결제하고 10,300 P를 충전합니다.",
  "한 달에 한 번, 최대 10,000원까지 결제됩니다.",
  "결제가 거절되면 1시간, 6시간, 24시간 뒤에 다시 시도하고, 그래도 안 되면 자동 충전을 멈추고 알려 드립니다.",
  "자동 충전은 내 계정 > 결제 수단에서 언제든 해지할 수 있으며, 해지하면 그 뒤로는 결제되지 않습니다. 자동 충전된 포인트도 사용하지 않은 만큼 환불받을 수 있습니다.",
].join("\n");

describe("the automatic-charge agreement", () => {
  it("reads in Korean exactly as before", () => {
    expect(agreementFor(lowBalance, languageOf("ko"))).toBe(KOREAN_LOW_BALANCE);
    expect(agreementFor(monthly, languageOf("ko"))).toBe(KOREAN_MONTHLY);
  });

  it("reads in English with the amounts written the English way", () => {
    expect(agreementFor({ ...lowBalance, method: "Card ****1234" }, languageOf("en"))).toBe(
      [
        "When your balance falls below 2,000 P after you spend points, ₩10,000 is charged to your registered payment method (Card ****1234) and 10,300 P are added.",
        "At most 3 charges, up to ₩30,000, are made in a month (from the 1st to the last day of each month, Korea time).",
        "If a charge is declined, it is tried again after 1 hour, 6 hours and 24 hours; if it still fails, automatic charging stops and you are told.",
        "You can cancel automatic charging at any time under My account > Payment methods; after you cancel, nothing more is charged. Points added by automatic charges can also be refunded for the part you have not used.",
      ].join("\n"),
    );
    expect(agreementFor(monthly, languageOf("en")).split("\n").slice(0, 2)).toEqual([
      "On day 25 of every month at 9:00 a.m. (Korea time), ₩10,000 is charged to your registered payment method (카카오페이 · 잔액 결제) and 10,300 P are added.",
      "One charge a month, up to ₩10,000.",
    ]);
  });

  it("is the same text in the browser's compiled messages as on the server, in both languages", () => {
    for (const locale of ["ko", "en"] as const) {
      for (const terms of [lowBalance, monthly]) {
        expect(agreementFor(terms, compiledLanguage(locale))).toBe(agreementFor(terms, languageOf(locale)));
      }
    }
  });
});

describe("a registered payment method's name", () => {
  const wallet = { method: "kakaopay", cardName: null, cardNumber: null };
  const card = { method: "card", cardName: null, cardNumber: "1234-****-****-5678" };

  it("is worded in the buyer's language, card companies as PortOne names them", () => {
    expect(paymentMethodLabel(wallet, translatorOf("ko", "paymentMethodNames"))).toBe("카카오페이 · 잔액 결제");
    expect(paymentMethodLabel(card, translatorOf("ko", "paymentMethodNames"))).toBe("카드 ****5678");
    expect(paymentMethodLabel(wallet, translatorOf("en", "paymentMethodNames"))).toBe(
      "KakaoPay · paid from its balance",
    );
    expect(paymentMethodLabel({ ...card, cardName: "삼성카드" }, translatorOf("en", "paymentMethodNames"))).toBe(
      "삼성카드 ****5678",
    );
  });
});
