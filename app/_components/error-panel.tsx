"use client";

/**
 * What a page shows when rendering it failed (a database or network hiccup). Payments are never
 * lost to this: their state lives at PortOne and in our rows, and the page can simply be loaded again.
 */
export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  // In production the server's message is withheld; the digest matches the server log line.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-2xl font-bold">일시적인 문제가 발생했습니다</h1>
      <p className="text-slate-600">
        페이지를 불러오지 못했습니다. 진행 중이던 결제와 포인트는 그대로 안전하니 잠시 후 다시 시도해 주세요.
      </p>
      <div className="flex justify-center gap-2">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          다시 시도
        </button>
        {/* A full page load on purpose: after an error the client state is not to be trusted. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a
          href="/"
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-100"
        >
          처음으로
        </a>
      </div>
      {digest ? <p className="text-xs text-slate-500">오류 코드 {digest}</p> : null}
    </div>
  );
}
