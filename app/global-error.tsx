"use client";

import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import {
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  LOCALE_COOKIE,
  isLocale,
  localeFromAcceptLanguage,
} from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
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

// Loaded only when this page shows: imported at the top, both catalogs would be in every page's
// first download, since Next.js loads this boundary with the app.
const loadMessages = (locale: Locale): Promise<Messages> =>
  (locale === "en" ? import("@/messages/en.json") : import("@/messages/ko.json")).then((module) => module.default);

// Through next-intl like every text: the catalogs are compiled at build time, not plain strings.
function PageTitle() {
  return <title>{useTranslations("globalError")("title")}</title>;
}

/**
 * When the root layout itself failed (its header reads the session and balance), so neither its
 * locale nor its next-intl provider exist: the browser's own choice is read once it runs, and the
 * panel gets a provider of its own.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  // Korean in the server's render, the browser's choice from hydration on (nothing to subscribe to).
  const locale = useSyncExternalStore(noChanges, browserLocale, () => DEFAULT_LOCALE);
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages } | null>(null);
  useEffect(() => {
    let current = true;
    void loadMessages(locale).then((messages) => current && setLoaded({ locale, messages }));
    return () => {
      current = false;
    };
  }, [locale]);
  const messages = loaded?.locale === locale ? loaded.messages : null;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 px-4 py-16 font-sans text-slate-900 antialiased">
        {messages ? (
          <NextIntlClientProvider locale={locale} messages={messages} timeZone={DEFAULT_TIME_ZONE}>
            <PageTitle />
            <ErrorPanel error={error} retry={retry} />
          </NextIntlClientProvider>
        ) : null}
      </body>
    </html>
  );
}
