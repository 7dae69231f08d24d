import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

/**
 * next-intl/server as a test's vi.mock factory: Vitest runs no Next request, so getLocale and
 * getTranslations answer as lib/i18n/request.ts does for a request in `locale()`'s language, from
 * the same message files.
 */
export function requestTranslationsIn(locale: () => Locale) {
  return {
    getLocale: async () => locale(),
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: locale(), messages: messagesOf(locale()), namespace: namespace as never }),
  };
}
