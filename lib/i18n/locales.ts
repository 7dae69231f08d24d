// Pure (no request, no server-only): the proxy, server code, client code and tests share it.

export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** Korean is the shop's language; English is offered to buyers abroad. */
export const DEFAULT_LOCALE: Locale = "ko";
export const LOCALE_COOKIE = "locale";

/** Set by the browser from its own zone (app/_components/time-zone-sync.tsx). */
export const TIME_ZONE_COOKIE = "tz";
export const DEFAULT_TIME_ZONE = "Asia/Seoul";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The buyer's first choice in Accept-Language decides: English for any en-*, Korean for anything
 * else (the shop's language, and the one its legal texts are written in).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked[0]?.tag;
  return first === "en" || first?.startsWith("en-") ? "en" : DEFAULT_LOCALE;
}

/** An IANA zone name the runtime knows ("Europe/Berlin"), or null: the cookie is the browser's word. */
export function validTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The BCP 47 tag Intl formats with. */
export function intlTagOf(locale: Locale): string {
  return locale === "en" ? "en-US" : "ko-KR";
}

/** PortOne V2's `locale` for its payment window. */
export function portoneLocaleOf(locale: Locale): "KO_KR" | "EN_US" {
  return locale === "en" ? "EN_US" : "KO_KR";
}
