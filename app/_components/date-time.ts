// Times are shown in Korean Standard Time whatever the server's or browser's zone, on a 24-hour
// clock as on Korean receipts ("2026. 11. 25. 04:55"; ICU's 12-hour ko-KR form varies by version).
const fields = {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
} as const;
const toMinute = new Intl.DateTimeFormat("ko-KR", fields);
// Timelines order events seconds apart.
const toSecond = new Intl.DateTimeFormat("ko-KR", { ...fields, second: "2-digit" });

export function formatKst(value: Date | string, { seconds = false } = {}): string {
  return (seconds ? toSecond : toMinute).format(typeof value === "string" ? new Date(value) : value);
}

const toDay = new Intl.DateTimeFormat("ko-KR", {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** A date alone, in Korean Standard Time ("2031. 12. 01."): when points expire. */
export function formatKstDate(value: Date | string): string {
  return toDay.format(typeof value === "string" ? new Date(value) : value);
}
