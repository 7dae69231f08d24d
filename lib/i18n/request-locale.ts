import "server-only";
import { cookies, headers } from "next/headers";
import {
  DEFAULT_TIME_ZONE,
  LOCALE_COOKIE,
  TIME_ZONE_COOKIE,
  isLocale,
  localeFromAcceptLanguage,
  validTimeZone,
  type Locale,
} from "./locales";

/** The language switch's cookie, else the browser's Accept-Language. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/** The zone the browser reported, if the runtime knows it; Korean Standard Time otherwise. */
export async function requestTimeZone(): Promise<string> {
  return validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? DEFAULT_TIME_ZONE;
}
