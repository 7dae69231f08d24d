import { INTL_TAGS, type WindowLanguage } from "../checkout/window-language.js";

// Minimal server-side HTML: every interpolated value goes through escapeHtml.

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

/** V1 (I'mport) amounts are in the currency's whole unit (USD 19.99), as its `amount`. */
export function formatMajorAmount(amount: number, currency: string, language: WindowLanguage = "ko"): string {
  return new Intl.NumberFormat(INTL_TAGS[language], { style: "currency", currency }).format(amount);
}

/**
 * A V2 amount, in the currency's minor unit (PortOne's: USD 1999) as money, written the way the
 * reader's language writes it: US$19.99 and ₩12,000 in Korean, $19.99 and ₩12,000 in English.
 */
export function formatAmount(amount: number, currency: string, language: WindowLanguage = "ko"): string {
  const format = new Intl.NumberFormat(INTL_TAGS[language], { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
  return format.format(amount / 10 ** digits);
}

/** Console times in Korean time, as PortOne's console shows them. */
export function formatKst(iso: string | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat("ko-KR", { timeZone: "Asia/Seoul", dateStyle: "medium", timeStyle: "medium" }).format(
    new Date(iso),
  );
}

const STYLE = `
  :root { color-scheme: light; font-family: "Noto Sans KR", "NanumGothic", system-ui, sans-serif; }
  body { margin: 0; background: #f3f4f6; color: #111827; }
  main { max-width: 960px; margin: 0 auto; padding: 24px; }
  .card { background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 20px; margin-bottom: 16px; overflow-x: auto; }
  th { white-space: nowrap; }
  .badge { display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 12px; font-weight: 700; background: #fde68a; color: #92400e; }
  h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 16px; margin: 0 0 8px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
  dt { color: #6b7280; } dd { margin: 0; font-weight: 600; word-break: break-all; }
  label { display: block; margin: 10px 0 4px; font-size: 14px; color: #374151; }
  select, input { width: 100%; box-sizing: border-box; padding: 8px; border: 1px solid #d1d5db; border-radius: 8px; font-size: 14px; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 16px; }
  button { padding: 10px 14px; border-radius: 8px; border: 1px solid #d1d5db; background: #fff; font-size: 14px; cursor: pointer; }
  button.primary { background: #4f46e5; border-color: #4f46e5; color: #fff; font-weight: 700; }
  button.danger { background: #fee2e2; border-color: #fca5a5; color: #991b1b; }
  button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  table { width: 100%; border-collapse: collapse; font-size: 14px; }
  th, td { text-align: left; padding: 8px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  pre { background: #111827; color: #e5e7eb; padding: 12px; border-radius: 8px; overflow: auto; font-size: 12px; }
  .amount { font-size: 24px; font-weight: 800; }
  .notice { background: #eef2ff; border-radius: 8px; padding: 10px; font-size: 14px; }
`;

export function page(
  title: string,
  body: string,
  options: { narrow?: boolean; language?: WindowLanguage } = {},
): string {
  const width = options.narrow ? `<style>main { max-width: 440px; }</style>` : "";
  return `<!doctype html>
<html lang="${options.language ?? "ko"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>${width}
</head>
<body>
<main>${body}</main>
</body>
</html>`;
}
