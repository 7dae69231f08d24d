import { statusTime, toV1View, unixNow, type V1PaymentRecord } from "../domain/v1-payment.js";
import { v1BadRequest } from "./v1-http.js";

// Paging and sorting shared by GET /payments/status/{status} and /payments/findAll/{merchant_uid}.

const SORTINGS = ["-started", "started", "-paid", "paid", "-updated", "updated"] as const;
export const STATUSES = ["all", "ready", "paid", "cancelled", "failed"] as const;
const NINETY_DAYS = 90 * 24 * 3600;

function integerParam(url: URL, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw v1BadRequest(`${name}는 ${min}${max === Number.MAX_SAFE_INTEGER ? " 이상" : `~${max}`}의 정수여야 합니다.`);
  return value;
}

export function sortRecords(records: V1PaymentRecord[], sorting: string | null): V1PaymentRecord[] {
  const chosen = sorting === null || sorting === "" ? "-started" : sorting;
  if (!(SORTINGS as readonly string[]).includes(chosen))
    throw v1BadRequest(`sorting 값이 올바르지 않습니다: ${chosen}`);
  const descending = chosen.startsWith("-");
  const key = chosen.replace(/^-/, "");
  const valueOf = (record: V1PaymentRecord) =>
    key === "paid" ? record.paid_at : key === "updated" ? record.updatedAtMs : record.started_at;
  return [...records].sort((a, b) => {
    const order = valueOf(a) - valueOf(b) || a.seq - b.seq;
    return descending ? -order : order;
  });
}

/** `{total, previous, next, list}`: previous/next are page numbers, 0 when there is none. */
export function page(url: URL, records: V1PaymentRecord[]) {
  const pageNumber = integerParam(url, "page", 1, 1);
  const limit = integerParam(url, "limit", 20, 1, 1000);
  const sorted = sortRecords(records, url.searchParams.get("sorting"));
  const start = (pageNumber - 1) * limit;
  if (pageNumber > 1 && start >= sorted.length) throw v1BadRequest("데이터 범위를 넘어선 page입니다.");
  return {
    total: sorted.length,
    previous: pageNumber > 1 ? pageNumber - 1 : 0,
    next: start + limit < sorted.length ? pageNumber + 1 : 0,
    list: sorted.slice(start, start + limit).map(toV1View),
  };
}

/** from/to (unix seconds, inclusive) on each payment's time for its status; default the last 90 days. */
export function withinWindow(url: URL, records: V1PaymentRecord[]): V1PaymentRecord[] {
  const to = integerParam(url, "to", unixNow(), 0);
  const from = integerParam(url, "from", to - NINETY_DAYS, 0);
  if (to - from > NINETY_DAYS) throw v1BadRequest("검색 기간은 최대 90일입니다.");
  return records.filter((record) => {
    const at = statusTime(record);
    return at >= from && at <= to;
  });
}
