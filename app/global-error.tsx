"use client";

import { ErrorPanel } from "./_components/error-panel";
import "./globals.css";

/** When the root layout itself failed (its header reads the session and balance). */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="ko">
      <body className="min-h-screen bg-slate-50 px-4 py-16 font-sans text-slate-900 antialiased">
        <title>오류 · PointCharge</title>
        <ErrorPanel error={error} retry={retry} />
      </body>
    </html>
  );
}
