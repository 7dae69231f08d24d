// RFC 3339 timestamps in UTC, as PortOne returns them.
export const nowIso = (): string => new Date().toISOString();
export const isoAfter = (ms: number): string => new Date(Date.now() + ms).toISOString();

export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
