import type { Metadata, Viewport } from "next";
import { env } from "@/lib/env";
import { sellsForReal } from "@/lib/env-schema";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

const DESCRIPTION = "카드, 간편결제, 계좌이체, 가상계좌로 포인트를 충전하세요.";

// A function, not a constant: APP_URL is read when the server starts (one build, several origins),
// and shared links need absolute image URLs on that origin.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env.APP_URL),
    title: { default: "PointCharge · 포인트 충전", template: "%s · PointCharge" },
    description: DESCRIPTION,
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
      locale: "ko_KR",
      siteName: "PointCharge",
      title: "PointCharge · 포인트 충전",
      description: DESCRIPTION,
      images: [{ url: "/og-image.png", width: 1200, height: 630, alt: "PointCharge 포인트 충전" }],
    },
    twitter: { card: "summary_large_image", images: ["/og-image.png"] },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2552e0" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko">
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          본문으로 건너뛰기
        </a>
        {/* A labelled region, so screen-reader users find it among the landmarks like all other content. */}
        {sellsForReal(env) ? null : (
          <section
            aria-label="테스트 모드 안내"
            className="bg-amber-400 px-4 py-1 text-center text-xs font-bold text-amber-950"
          >
            <p role="note">TEST MODE · PortOne 테스트 환경입니다. 실제 결제가 이루어지지 않습니다.</p>
          </section>
        )}
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:py-12">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
