import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Keyset pagination, newest first, with an opaque URL-safe cursor: the last row's sort key as
 * JSON. A damaged cursor shows the first page rather than an error.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeKey(value: string | undefined): unknown[] | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Splits the look-ahead row off a page fetched with `limit(size + 1)`. */
export function pageOf<T>(
  rows: T[],
  size: number,
  keyOf: (row: T) => readonly (string | number)[],
): { items: T[]; next: string | null } {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return { items, next: rows.length > size && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * On (created_at, id). The cursor carries created_at as PostgreSQL's own text so its
 * microseconds survive (a JavaScript Date would drop them and skip or repeat rows).
 */
export function olderThanTime(createdAt: AnyColumn, id: AnyColumn, cursor: string | undefined): SQL | undefined {
  const key = decodeKey(cursor);
  if (!key || typeof key[0] !== "string" || typeof key[1] !== "string" || Number.isNaN(Date.parse(key[0])))
    return undefined;
  return sql`(${createdAt}, ${id}) < (${key[0]}::timestamptz, ${key[1]})`;
}

export function timeCursorText(createdAt: AnyColumn): SQL<string> {
  return sql<string>`${createdAt}::text`;
}

/** On a sequence number (the ledger's order of application). */
export function before(seq: AnyColumn, cursor: string | undefined): SQL | undefined {
  const key = decodeKey(cursor);
  return key && Number.isSafeInteger(key[0]) ? sql`${seq} < ${key[0]}` : undefined;
}
