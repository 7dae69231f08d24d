// Times are shown in Korean Standard Time whatever the server's or browser's zone.
const dateTime = new Intl.DateTimeFormat("ko-KR", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Seoul" });

export function formatKst(value: Date | string): string {
  return dateTime.format(typeof value === "string" ? new Date(value) : value);
}
