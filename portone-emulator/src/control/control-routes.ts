import type { Emulator } from "../context.js";
import { ApiError, invalidRequest } from "../http/api-error.js";
import { readJson, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { settleCancellation } from "../domain/cancellations.js";
import { depositVirtualAccount, expireVirtualAccount } from "../domain/payment-actions.js";
import { toPaymentView } from "../domain/payment-view.js";
import { findPayment } from "../api/payments-routes.js";
import { findBillingKey } from "../api/billing-key-routes.js";
import { CARD_DECLINED } from "../domain/card-outcomes.js";
import { toPaymentScheduleView } from "../domain/payment-schedule-view.js";
import { disarmAllSchedules, findSchedule, runDueSchedules, runPaymentSchedule } from "../domain/payment-schedules.js";
import { nowIso, parseTimestamp } from "../domain/time.js";
import { optionalBoolean, optionalInteger, optionalString } from "../api/input.js";
import type { FaultScope, WebhookFaultMode } from "./faults.js";

export const CONTROL_PREFIX = "/__emulator";
const WEBHOOK_FAULT_MODES: readonly WebhookFaultMode[] = ["drop", "duplicate", "reorder", "delay"];

/** A fault must name its payment or say `global: true`, so shared emulators stay predictable. */
function readScope(body: Record<string, unknown>): FaultScope {
  const paymentId = optionalString(body, "paymentId");
  const global = optionalBoolean(body, "global") ?? false;
  if (paymentId === undefined && !global) throw invalidRequest("paymentId 또는 global: true 중 하나가 필요합니다.");
  if (paymentId !== undefined && global) throw invalidRequest("paymentId와 global: true는 함께 쓸 수 없습니다.");
  return { paymentId };
}

/** Test-only endpoints, outside PortOne's API. No authentication: the emulator is a local tool. */
export function registerControlRoutes(router: Router, emulator: Emulator): void {
  const path = (suffix: string) => `${CONTROL_PREFIX}${suffix}`;

  router.on("GET", path("/config"), ({ res }) =>
    sendJson(res, 200, { ...emulator.config, publicUrl: emulator.publicUrl }),
  );

  router.on("POST", path("/reset"), ({ res }) => {
    emulator.webhooks.clearPending();
    emulator.faults.clear();
    emulator.transactions.clear();
    emulator.manualResends.clear();
    for (const timer of emulator.settleTimers) clearTimeout(timer);
    emulator.settleTimers.clear();
    disarmAllSchedules(emulator);
    emulator.lastPaymentAnswers.clear();
    emulator.state.clear();
    emulator.v1?.reset();
    sendJson(res, 200, { ok: true });
  });

  router.on("GET", path("/payments/:paymentId"), ({ res, params }) => {
    const record = findPayment(emulator, params.paymentId ?? "");
    sendJson(res, 200, toPaymentView(record, emulator.config, emulator.publicUrl));
  });

  router.on("POST", path("/payments/:paymentId/deposit"), ({ res, params }) => {
    const record = findPayment(emulator, params.paymentId ?? "");
    depositVirtualAccount(emulator, record);
    sendJson(res, 200, toPaymentView(record, emulator.config, emulator.publicUrl));
  });

  router.on("POST", path("/payments/:paymentId/expire-virtual-account"), ({ res, params }) => {
    const record = findPayment(emulator, params.paymentId ?? "");
    expireVirtualAccount(emulator, record);
    sendJson(res, 200, toPaymentView(record, emulator.config, emulator.publicUrl));
  });

  router.on("POST", path("/payments/:paymentId/cancellations/:cancellationId/settle"), async ({ req, res, params }) => {
    const outcome = (await readJson(req)).outcome;
    if (outcome !== "succeed" && outcome !== "fail")
      throw invalidRequest('outcome은 "succeed" 또는 "fail"이어야 합니다.');
    const record = findPayment(emulator, params.paymentId ?? "");
    settleCancellation(emulator, record, params.cancellationId ?? "", outcome);
    sendJson(res, 200, toPaymentView(record, emulator.config, emulator.publicUrl));
  });

  router.on("GET", path("/payment-schedules/:scheduleId"), ({ res, params }) => {
    sendJson(res, 200, toPaymentScheduleView(findSchedule(emulator, params.scheduleId ?? ""), emulator.config));
  });

  // Its timeToPay comes now: the schedule's attempt runs at once, whatever its time says.
  router.on("POST", path("/payment-schedules/:scheduleId/run"), ({ res, params }) => {
    const schedule = findSchedule(emulator, params.scheduleId ?? "");
    if (schedule.status === "REVOKED")
      throw new ApiError(409, "PAYMENT_SCHEDULE_ALREADY_REVOKED", "이미 취소된 결제 예약 건입니다.");
    if (schedule.status !== "SCHEDULED")
      throw new ApiError(409, "PAYMENT_SCHEDULE_ALREADY_PROCESSED", "이미 처리된 결제 예약 건입니다.");
    runPaymentSchedule(emulator, schedule);
    sendJson(res, 200, toPaymentScheduleView(schedule, emulator.config));
  });

  // The clock jumps to `until` (default now): every schedule due by then runs, oldest first.
  router.on("POST", path("/payment-schedules/run-due"), async ({ req, res }) => {
    const body = await readJson(req);
    const untilText = optionalString(body, "until");
    const until = untilText === undefined ? Date.now() : parseTimestamp(untilText);
    if (until === undefined) throw invalidRequest("until은 RFC 3339 시각이어야 합니다.");
    const ran = runDueSchedules(emulator, until);
    sendJson(res, 200, { ran: ran.map((schedule) => toPaymentScheduleView(schedule, emulator.config)) });
  });

  // The card company declines the key's next `count` payments (immediate or scheduled).
  router.on("POST", path("/billing-keys/:billingKey/decline"), async ({ req, res, params }) => {
    const body = await readJson(req);
    const record = findBillingKey(emulator, params.billingKey ?? "");
    const decline = emulator.faults.addCardDecline({
      billingKey: record.billingKey,
      remaining: optionalInteger(body, "count", 1) ?? 1,
      pgCode: optionalString(body, "pgCode") ?? CARD_DECLINED.pgCode,
      pgMessage: optionalString(body, "pgMessage") ?? CARD_DECLINED.pgMessage,
    });
    sendJson(res, 201, decline);
  });

  // The card behind the key expires now: every later payment with it is declined.
  router.on("POST", path("/billing-keys/:billingKey/expire"), ({ res, params }) => {
    const record = findBillingKey(emulator, params.billingKey ?? "");
    record.cardExpiresAt = nowIso();
    emulator.state.persist();
    sendJson(res, 200, { billingKey: record.billingKey, cardExpiresAt: record.cardExpiresAt });
  });

  router.on("GET", path("/webhooks"), ({ res, url }) => {
    const paymentId = url.searchParams.get("paymentId");
    const attempts = emulator.webhooks.attempts.filter((entry) => paymentId === null || entry.paymentId === paymentId);
    sendJson(res, 200, { attempts });
  });

  router.on("GET", path("/faults"), ({ res }) => sendJson(res, 200, emulator.faults.list()));

  router.on("DELETE", path("/faults"), ({ res, url }) => {
    emulator.faults.clear(url.searchParams.get("paymentId") ?? undefined);
    sendJson(res, 200, emulator.faults.list());
  });

  router.on("POST", path("/faults/api"), async ({ req, res }) => {
    const body = await readJson(req);
    const kind = optionalString(body, "kind") ?? "error";
    if (kind !== "error" && kind !== "hang" && kind !== "stale")
      throw invalidRequest('kind는 "error", "hang" 또는 "stale"이어야 합니다.');
    const status = optionalInteger(body, "status") ?? 500;
    if (status < 500 || status > 599) throw invalidRequest("status는 5xx여야 합니다.");
    const fault = emulator.faults.addApiFault({
      ...readScope(body),
      kind,
      remaining: optionalInteger(body, "count", 1) ?? 1,
      status,
      hangMs: optionalInteger(body, "hangMs") ?? 30_000,
      // A stale answer exists only for the one-payment lookup.
      endpoint: kind === "stale" ? "GET /payments/{paymentId}" : optionalString(body, "endpoint"),
    });
    sendJson(res, 201, fault);
  });

  router.on("POST", path("/faults/cancellations"), async ({ req, res }) => {
    const body = await readJson(req);
    const outcome = body.outcome;
    if (outcome !== "pending" && outcome !== "fail")
      throw invalidRequest('outcome은 "pending" 또는 "fail"이어야 합니다.');
    const settle = body.settle;
    if (settle !== undefined && settle !== "succeed" && settle !== "fail")
      throw invalidRequest('settle은 "succeed" 또는 "fail"이어야 합니다.');
    const fault = emulator.faults.addCancelFault({
      ...readScope(body),
      outcome,
      remaining: optionalInteger(body, "count", 1) ?? 1,
      settle,
      settleAfterMs: optionalInteger(body, "settleAfterMs", 0) ?? 1_000,
    });
    sendJson(res, 201, fault);
  });

  router.on("POST", path("/faults/webhooks"), async ({ req, res }) => {
    const body = await readJson(req);
    const mode = WEBHOOK_FAULT_MODES.find((candidate) => candidate === body.mode);
    if (!mode) throw invalidRequest(`mode는 ${WEBHOOK_FAULT_MODES.join(", ")} 중 하나여야 합니다.`);
    const fault = emulator.faults.addWebhookFault({
      ...readScope(body),
      mode,
      remaining: optionalInteger(body, "count", 1) ?? 1,
      delayMs: optionalInteger(body, "delayMs") ?? (mode === "reorder" ? 5_000 : 1_000),
    });
    sendJson(res, 201, fault);
  });
}
