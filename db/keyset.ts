import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Keyset pagination on (created_at, id), newest first. The cursor carries created_at as
 * PostgreSQL's own text so its microseconds survive (a JavaScript Date would drop them and skip
 * or repeat rows). Encoded as one opaque URL-safe string.
 */
export interface Cursor {
  at: string;
  id: string;
}

export function olderThan(createdAt: AnyColumn, id: AnyColumn, cursor: Cursor | null): SQL | undefined {
  return cursor ? sql`(${createdAt}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id})` : undefined;
}

export function cursorText(createdAt: AnyColumn): SQL<string> {
  return sql<string>`${createdAt}::text`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string" && !Number.isNaN(Date.parse(parsed[0]))) {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // A damaged cursor shows the first page rather than an error.
  }
  return null;
}

/** Splits the look-ahead row off a page fetched with `limit(size + 1)`. */
export function pageOf<T extends { cursorAt: string; id: string }>(rows: T[], size: number): { items: T[]; next: string | null } {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return { items, next: rows.length > size && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null };
}
