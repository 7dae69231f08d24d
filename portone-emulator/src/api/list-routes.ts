import type { GetAllPaymentsByCursorResponse, GetPaymentsResponse } from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import { invalidRequest } from "../http/api-error.js";
import { readRequestBodyQuery, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import type { PaymentRecord } from "../domain/payment-record.js";
import { selectedChannel, toPaymentView } from "../domain/payment-view.js";
import { parseTimestamp } from "../domain/time.js";
import { requireOwnStore } from "./auth.js";
import { optionalBoolean, optionalInteger, optionalObject, optionalString, optionalStringArray } from "./input.js";
import type { ApiRoute } from "./api-route.js";

const NINETY_DAYS_MS = 90 * 24 * 60 * 60_000;

const METHOD_TYPES: Record<string, string> = {
  PaymentMethodCard: "CARD",
  PaymentMethodTransfer: "TRANSFER",
  PaymentMethodVirtualAccount: "VIRTUAL_ACCOUNT",
  PaymentMethodMobile: "MOBILE",
  PaymentMethodEasyPay: "EASY_PAY",
};

/**
 * The subset of PaymentFilterInput the emulator understands (other keys are ignored), read once
 * per request: a store's list may hold a hundred thousand payments.
 */
function paymentFilter(emulator: Emulator, filter: Record<string, unknown>): (record: PaymentRecord) => boolean {
  const statuses = optionalStringArray(filter, "status");
  const isTest = optionalBoolean(filter, "isTest");
  const methods = optionalStringArray(filter, "methods");
  const providers = optionalStringArray(filter, "pgProvider");
  const currency = optionalString(filter, "currency");
  const byCreation = (optionalString(filter, "timestampType") ?? "STATUS_CHANGED_AT") === "CREATED_AT";
  // PortOne's defaults: `until` is now, `from` is 90 days before `until`.
  const until = parseTimestamp(filter.until);
  const end = until ?? Date.now();
  const from = parseTimestamp(filter.from) ?? end - NINETY_DAYS_MS;
  return (record) => {
    if (statuses && !statuses.includes(record.status)) return false;
    const channel = selectedChannel(emulator.config, record.channelKey);
    if (isTest !== undefined && isTest !== ((channel?.type ?? "TEST") === "TEST")) return false;
    if (methods && !methods.includes(METHOD_TYPES[String(record.method?.type ?? "")] ?? "")) return false;
    if (providers && (!channel?.pgProvider || !providers.includes(channel.pgProvider))) return false;
    if (currency && currency !== record.currency) return false;
    const at = Date.parse(byCreation ? record.requestedAt : record.statusChangedAt);
    if (at < from) return false;
    return until !== undefined ? at < until : at <= end;
  };
}

export function registerListRoutes(router: Router, emulator: Emulator, api: ApiRoute): void {
  // GET /payments?requestBody={page, filter}: newest first, page numbers from 0.
  router.on(
    "GET",
    "/payments",
    api(({ res, url }) => {
      const body = readRequestBodyQuery(url);
      const page = optionalObject(body, "page") ?? {};
      const filter = optionalObject(body, "filter") ?? {};
      requireOwnStore(emulator, filter.storeId);
      const number = optionalInteger(page, "number") ?? 0;
      const size = optionalInteger(page, "size", 1) ?? 10;
      if ((number + 1) * size > 60_000) throw invalidRequest("조회 가능한 범위를 넘었습니다.");
      const descending = optionalString(filter, "sortOrder") !== "ASC";
      const sortKey = optionalString(filter, "sortBy") === "REQUESTED_AT" ? "requestedAt" : "statusChangedAt";
      const matches = paymentFilter(emulator, filter);
      const matching = [...emulator.state.payments.values()]
        .filter(matches)
        .sort(
          (a, b) =>
            (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : a.seq - b.seq) * (descending ? -1 : 1),
        );
      const items = matching.slice(number * size, (number + 1) * size);
      const response: GetPaymentsResponse = {
        items: items.map((record) => toPaymentView(record, emulator.config, emulator.publicUrl)),
        page: { number, size, totalCount: matching.length },
      };
      sendJson(res, 200, response);
    }),
  );

  // GET /payments-by-cursor: by creation time, oldest first; the cursor is opaque.
  router.on(
    "GET",
    "/payments-by-cursor",
    api(({ res, url }) => {
      const body = readRequestBodyQuery(url);
      requireOwnStore(emulator, body.storeId);
      const size = optionalInteger(body, "size", 1) ?? 10;
      if (size > 1000) throw invalidRequest("size는 1000 이하여야 합니다.");
      const until = parseTimestamp(body.until) ?? Date.now();
      const from = parseTimestamp(body.from) ?? until - NINETY_DAYS_MS;
      const cursor = optionalString(body, "cursor");
      const afterSeq = cursor === undefined ? 0 : decodeCursor(cursor);
      const items = [...emulator.state.payments.values()]
        .filter((record) => record.seq > afterSeq)
        .filter((record) => {
          const at = Date.parse(record.requestedAt);
          return at >= from && at < until;
        })
        .sort((a, b) => a.seq - b.seq)
        .slice(0, size);
      const response: GetAllPaymentsByCursorResponse = {
        items: items.map((record) => ({
          payment: toPaymentView(record, emulator.config, emulator.publicUrl),
          cursor: Buffer.from(`seq:${record.seq}`).toString("base64url"),
        })),
      };
      sendJson(res, 200, response);
    }),
  );
}

function decodeCursor(cursor: string): number {
  const match = /^seq:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) throw invalidRequest("cursor가 올바르지 않습니다.");
  return Number(match[1]);
}
