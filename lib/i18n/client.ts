"use client";
import { useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { DEFAULT_TIME_ZONE } from "./locales";
import { formattersOf, type Formatters } from "./formatters";

/** Client components' formatters, from the locale and zone the layout hands to next-intl. */
export function useFormatters(): Formatters {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  return useMemo(() => formattersOf(locale, timeZone), [locale, timeZone]);
}
