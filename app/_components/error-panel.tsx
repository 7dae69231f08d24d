"use client";

import { useTranslations } from "next-intl";

/**
 * What a page shows when rendering it failed (a database or network hiccup). Payments are never
 * lost to this: their state lives at PortOne and in our rows, and the page can simply be loaded again.
 * It needs next-intl's provider: the root layout's, or the one global-error sets up itself.
 */
export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPanel");
  // In production the server's message is withheld; the digest matches the server log line.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("text")}</p>
      <div className="flex justify-center gap-2">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          {t("retry")}
        </button>
        {/* A full page load on purpose: after an error the client state is not to be trusted. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a
          href="/"
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-100"
        >
          {t("home")}
        </a>
      </div>
      {digest ? <p className="text-xs text-slate-500">{t("code", { digest })}</p> : null}
    </div>
  );
}
