import type { Metadata, Viewport } from "next";
import { env } from "@/lib/env";
import { usesRealPortOne } from "@/lib/env-schema";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PointCharge · 포인트 충전", template: "%s · PointCharge" },
  description: "카드, 간편결제, 계좌이체, 가상계좌로 포인트를 충전하세요.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2552e0" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          본문으로 건너뛰기
        </a>
        {usesRealPortOne(env) ? null : (
          <p className="bg-amber-400 px-4 py-1 text-center text-xs font-bold text-amber-950" role="note">
            TEST MODE · PortOne 테스트 환경입니다. 실제 결제가 이루어지지 않습니다.
          </p>
        )}
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-3xl px-4 py-8 sm:py-12">
          {children}
        </main>
      </body>
    </html>
  );
}
