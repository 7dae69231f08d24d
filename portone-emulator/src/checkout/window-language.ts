import type { Locale } from "@portone/browser-sdk/v2";
import { CheckoutError } from "./request-checks.js";

/** The languages the emulator's windows are written in. */
export type WindowLanguage = "ko" | "en";

/** Intl's tag for each: amounts are written the way the window's reader writes them. */
export const INTL_TAGS: Record<WindowLanguage, string> = { ko: "ko-KR", en: "en-US" };

// Every value of the browser SDK's Locale (its "UI 언어"). The checks below fail to compile when the
// SDK's enum gains or loses one, so this list cannot drift from PortOne's.
const LOCALES = [
  "KO_KR",
  "EN_US",
  "ZH_CN",
  "ZH_TW",
  "JA_JP",
  "RU_RU",
  "TH_TH",
  "VI_VN",
  "ID_ID",
  "FR_FR",
  "NL_NL",
  "ES_ES",
  "PT_PT",
  "DE_DE",
  "IT_IT",
  "PL_PL",
  "AR_001",
  "TR_TR",
  "SV_SE",
  "FI_FI",
  "UK_UA",
  "EL_GR",
  "TL_PH",
  "HI_IN",
  "HR_HR",
  "LT_LT",
  "SL_SI",
  "SR_RS",
  "BG_BG",
  "PT_BR",
] as const;

type Missing = Exclude<Locale, (typeof LOCALES)[number]>;
type Extra = Exclude<(typeof LOCALES)[number], Locale>;
const complete: [Missing] extends [never] ? true : Missing = true;
const nothingExtra: [Extra] extends [never] ? true : Extra = true;
void complete;
void nothingExtra;

const known: ReadonlySet<string> = new Set(LOCALES);

/**
 * requestPayment's, loadPaymentUI's and requestIssueBillingKey's `locale` → the window's language.
 * None: Korean, PortOne's default. Every other locale PortOne knows gets the English window, a
 * stand-in for the PG's own translation; a value PortOne does not know is refused before the
 * window, like any other invalid field. `LOCALE_EN_US` is read as `EN_US`, as `CURRENCY_KRW` is.
 */
export function readWindowLanguage(locale: unknown): WindowLanguage {
  if (locale === undefined || locale === null) return "ko";
  const code = typeof locale === "string" ? locale.replace(/^LOCALE_/, "") : undefined;
  if (code === undefined || !known.has(code)) {
    throw new CheckoutError("BadRequest", `지원하지 않는 locale입니다: ${String(locale)}`);
  }
  return code === "KO_KR" ? "ko" : "en";
}
