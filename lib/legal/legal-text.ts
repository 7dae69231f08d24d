/**
 * The operator's legal texts: markdown files with a short header, e.g.
 *
 *   ---
 *   title: 이용약관
 *   version: 2026-12-01
 *   effective: 2026년 12월 1일
 *   ---
 *
 * The version is what a user's consent records; changing it asks every user again. Only the
 * markdown these texts need is understood (## headings, paragraphs, "-" lists, **bold**,
 * [links](/path)), and it is rendered as React elements, never as HTML.
 */

export interface LegalText {
  title: string;
  version: string;
  effective: string;
  body: string;
}

export class LegalTextError extends Error {}

const HEADER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

export function parseLegalText(raw: string, source: string): LegalText {
  const header = HEADER.exec(raw);
  if (!header) throw new LegalTextError(`${source} must start with a --- header holding title and version`);
  const fields = new Map(
    header[1]!.split(/\r?\n/).flatMap((line) => {
      const match = /^(\w+):\s*(.+?)\s*$/.exec(line);
      return match ? [[match[1]!, match[2]!] as const] : [];
    }),
  );
  const title = fields.get("title");
  const version = fields.get("version");
  if (!title || !version) throw new LegalTextError(`${source} needs "title:" and "version:" in its header`);
  // The version goes into consent records and forms: keep it short and printable.
  if (!/^[\w.-]{1,40}$/.test(version)) throw new LegalTextError(`${source}: version must be letters, digits, . - _`);
  return { title, version, effective: fields.get("effective") ?? "", body: raw.slice(header[0].length).trim() };
}

/** Replaces {{name}} with the value; an unknown name is a typo the operator should hear about. */
export function fillPlaceholders(body: string, values: Record<string, string>, source: string): string {
  return body.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new LegalTextError(`${source}: unknown placeholder {{${name}}}`);
    return value;
  });
}

export type Inline = { text: string; bold?: boolean; href?: string };
export type Block =
  { kind: "heading"; text: string } | { kind: "paragraph"; inline: Inline[] } | { kind: "list"; items: Inline[][] };

const INLINE = /\*\*(.+?)\*\*|\[(.+?)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push(match[1] !== undefined ? { text: match[1], bold: true } : { text: match[2]!, href: match[3]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function parseBlocks(body: string): Block[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk): Block => {
      if (chunk.startsWith("#")) return { kind: "heading", text: chunk.replace(/^#+\s*/, "") };
      const lines = chunk.split(/\r?\n/);
      if (lines.every((line) => /^\s*-\s+/.test(line)))
        return { kind: "list", items: lines.map((line) => parseInline(line.replace(/^\s*-\s+/, ""))) };
      return { kind: "paragraph", inline: parseInline(lines.join(" ")) };
    });
}
