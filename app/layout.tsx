import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { sellsForReal } from "@/lib/env-schema";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import { TimeZoneSync } from "./_components/time-zone-sync";
import "./globals.css";

// A function, not a constant: APP_URL is read when the server starts (one build, several origins),
// and shared links need absolute image URLs on that origin.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  const locale = await getLocale();
  return {
    metadataBase: new URL(env.APP_URL),
    title: { default: t("title"), template: "%s · PointCharge" },
    description: t("description"),
    applicationName: "PointCharge",
    appleWebApp: { title: "PointCharge", capable: true, statusBarStyle: "default" },
    // Listed whole: an `icons` entry here replaces the link app/icon.svg would otherwise get.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
    openGraph: {
      type: "website",
      locale: locale === "en" ? "en_US" : "ko_KR",
      siteName: "PointCharge",
      title: t("title"),
      description: t("description"),
      images: [{ url: "/og-image.png", width: 1200, height: 630, alt: t("imageAlt") }],
    },
    twitter: { card: "summary_large_image", images: ["/og-image.png"] },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2552e0" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, timeZone, t] = await Promise.all([getLocale(), getTimeZone(), getTranslations("layout")]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        {/* A labelled region, so screen-reader users find it among the landmarks like all other content. */}
        {sellsForReal(env) ? null : (
          <section
            aria-label={t("testModeLabel")}
            className="bg-amber-400 px-4 py-1 text-center text-xs font-bold text-amber-950"
          >
            <p role="note">{t("testModeNote")}</p>
          </section>
        )}
        <NextIntlClientProvider>
          <TimeZoneSync serverTimeZone={timeZone} />
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:py-12">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
