"use client";

import { NextIntlClientProvider } from "next-intl";
import { useSyncExternalStore } from "react";
import {
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  LOCALE_COOKIE,
  isLocale,
  localeFromAcceptLanguage,
} from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";
import { ErrorPanel } from "./_components/error-panel";
import "./globals.css";

/** The language switch's cookie (not HttpOnly: it holds nothing secret), else the browser's languages. */
function browserLocale(): Locale {
  const chosen = document.cookie
    .split("; ")
    .find((pair) => pair.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(navigator.languages.join(","));
}

const noChanges = () => () => {};

/**
 * When the root layout itself failed (its header reads the session and balance), so neither its
 * locale nor its next-intl provider exist: the browser's own choice is read once it runs, and the
 * panel gets a provider of its own.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  // Korean in the server's render, the browser's choice from hydration on (nothing to subscribe to).
  const locale = useSyncExternalStore(noChanges, browserLocale, () => DEFAULT_LOCALE);
  const messages = messagesOf(locale);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 px-4 py-16 font-sans text-slate-900 antialiased">
        <title>{messages.globalError.title}</title>
        <NextIntlClientProvider locale={locale} messages={messages} timeZone={DEFAULT_TIME_ZONE}>
          <ErrorPanel error={error} retry={retry} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
