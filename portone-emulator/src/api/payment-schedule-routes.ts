import type {
  CreatePaymentScheduleResponse,
  GetPaymentSchedulesResponse,
  RevokePaymentSchedulesResponse,
} from "@portone/server-sdk/payment/paymentSchedule";
import type { Emulator } from "../context.js";
import { invalidRequest } from "../http/api-error.js";
import { readJson, readRequestBodyQuery, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { readBillingKeyPayment } from "../domain/billing-key-payment.js";
import { toPaymentScheduleView } from "../domain/payment-schedule-view.js";
import {
  createPaymentSchedule,
  findSchedule,
  revokePaymentSchedules,
  schedulesOf,
  type PaymentScheduleRecord,
} from "../domain/payment-schedules.js";
import { selectedChannel } from "../domain/payment-view.js";
import { parseTimestamp } from "../domain/time.js";
import { requireOwnStore } from "./auth.js";
import { billingChannelKey, findUsableBillingKey } from "./billing-key-routes.js";
import {
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
} from "./input.js";
import type { ApiRoute } from "./api-route.js";

const NINETY_DAYS_MS = 90 * 24 * 60 * 60_000;

/** PaymentScheduleFilterInput; PortOne's defaults leave future schedules out unless `until` reaches them. */
function matchesFilter(emulator: Emulator, schedule: PaymentScheduleRecord, filter: Record<string, unknown>): boolean {
  const billingKey = optionalString(filter, "billingKey");
  if (billingKey !== undefined && billingKey !== schedule.billingKey) return false;
  const statuses = optionalStringArray(filter, "status");
  if (statuses && !statuses.includes(schedule.status)) return false;
  const isForTest = optionalBoolean(filter, "isForTest");
  const channelType = selectedChannel(emulator.config, schedule.channelKey)?.type ?? "TEST";
  if (isForTest !== undefined && isForTest !== (channelType === "TEST")) return false;
  const until = parseTimestamp(filter.until) ?? Date.now();
  const from = parseTimestamp(filter.from) ?? until - NINETY_DAYS_MS;
  const at = Date.parse(schedule.timeToPay);
  return at >= from && at <= until;
}

const SORT_KEYS = { TIME_TO_PAY: "timeToPay", CREATED_AT: "createdAt", COMPLETED_AT: "completedAt" } as const;

export function registerPaymentScheduleRoutes(router: Router, emulator: Emulator, api: ApiRoute): void {
  router.on(
    "POST",
    "/payments/:paymentId/schedule",
    api(async ({ req, res, params }) => {
      const body = await readJson(req);
      const paymentBody = optionalObject(body, "payment");
      if (!paymentBody) throw invalidRequest("payment가 필요합니다.");
      requireOwnStore(emulator, paymentBody.storeId);
      const timeToPay = parseTimestamp(requiredString(body, "timeToPay"));
      if (timeToPay === undefined) throw invalidRequest("timeToPay는 RFC 3339 시각이어야 합니다.");
      const payment = readBillingKeyPayment(paymentBody);
      const billingKey = findUsableBillingKey(emulator, payment.billingKey);
      const channelKey = billingChannelKey(emulator, billingKey, payment.channelKey);
      const schedule = createPaymentSchedule(
        emulator,
        params.paymentId ?? "",
        billingKey,
        channelKey,
        payment,
        new Date(timeToPay).toISOString(),
      );
      const response: CreatePaymentScheduleResponse = { schedule: { id: schedule.id } };
      sendJson(res, 200, response);
    }),
  );

  router.on(
    "GET",
    "/payment-schedules/:paymentScheduleId",
    api(({ res, url, params }) => {
      requireOwnStore(emulator, url.searchParams.get("storeId") ?? undefined);
      const schedule = findSchedule(emulator, params.paymentScheduleId ?? "");
      sendJson(res, 200, toPaymentScheduleView(schedule, emulator.config));
    }),
  );

  // GET /payment-schedules?requestBody={page, sort, filter}: newest timeToPay first by default.
  router.on(
    "GET",
    "/payment-schedules",
    api(({ res, url }) => {
      const body = readRequestBodyQuery(url);
      const page = optionalObject(body, "page") ?? {};
      const sort = optionalObject(body, "sort") ?? {};
      const filter = optionalObject(body, "filter") ?? {};
      requireOwnStore(emulator, filter.storeId);
      const number = optionalInteger(page, "number") ?? 0;
      const size = optionalInteger(page, "size", 1) ?? 10;
      const by = optionalString(sort, "by") ?? "TIME_TO_PAY";
      const key = SORT_KEYS[by as keyof typeof SORT_KEYS];
      if (!key) throw invalidRequest(`sort.by는 ${Object.keys(SORT_KEYS).join(", ")} 중 하나여야 합니다.`);
      const descending = optionalString(sort, "order") !== "ASC";
      const matching = schedulesOf(emulator)
        .filter((schedule) => matchesFilter(emulator, schedule, filter))
        .sort((a, b) => {
          const left = a[key] ?? "";
          const right = b[key] ?? "";
          return (left < right ? -1 : left > right ? 1 : 0) * (descending ? -1 : 1);
        });
      const response: GetPaymentSchedulesResponse = {
        items: matching
          .slice(number * size, (number + 1) * size)
          .map((schedule) => toPaymentScheduleView(schedule, emulator.config)),
        page: { number, size, totalCount: matching.length },
      };
      sendJson(res, 200, response);
    }),
  );

  // The SDK sends the body as `requestBody` in the query; a JSON body is taken as well.
  router.on(
    "DELETE",
    "/payment-schedules",
    api(async ({ req, res, url }) => {
      const fromQuery = readRequestBodyQuery(url);
      const body = Object.keys(fromQuery).length > 0 ? fromQuery : await readJson(req);
      requireOwnStore(emulator, body.storeId);
      const response: RevokePaymentSchedulesResponse = revokePaymentSchedules(emulator, {
        billingKey: optionalString(body, "billingKey"),
        scheduleIds: optionalStringArray(body, "scheduleIds"),
      });
      sendJson(res, 200, response);
    }),
  );
}
