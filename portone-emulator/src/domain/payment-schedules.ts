import { randomUUID } from "node:crypto";
import type { Customer } from "@portone/server-sdk/common";
import type { Emulator } from "../context.js";
import { ApiError, invalidRequest } from "../http/api-error.js";
import { holdsPaymentId, payWithBillingKey, type BillingKeyPaymentInput } from "./billing-key-payment.js";
import { isPaidLike } from "./payment-record.js";
import type { BillingKeyRecord } from "./state.js";
import { nowIso } from "./time.js";

// PortOne's payment schedules (`POST /payments/{id}/schedule`): a billing-key payment kept until
// its timeToPay, then paid through the same code as an immediate one. PortOne sends no webhook of
// its own for a schedule; its attempt sends the payment's Transaction.Paid or Transaction.Failed.

/** PENDING (awaiting an asynchronous approval) never happens with the emulator's card channels. */
export type PaymentScheduleStatus = "SCHEDULED" | "STARTED" | "SUCCEEDED" | "FAILED" | "REVOKED";

export interface PaymentScheduleRecord {
  id: string;
  paymentId: string;
  storeId: string;
  billingKey: string;
  channelKey: string;
  payment: BillingKeyPaymentInput;
  customer: Customer;
  status: PaymentScheduleStatus;
  createdAt: string;
  timeToPay: string;
  startedAt?: string;
  completedAt?: string;
  revokedAt?: string;
}

/** setTimeout's longest wait; a schedule further away re-arms on the way. */
const MAX_TIMER_MS = 2_147_483_647;

export const schedulesOf = (emulator: Emulator) => [...emulator.state.schedules.values()];

export function findSchedule(emulator: Emulator, scheduleId: string): PaymentScheduleRecord {
  const schedule = emulator.state.schedules.get(scheduleId);
  if (!schedule) throw new ApiError(404, "PAYMENT_SCHEDULE_NOT_FOUND", "결제 예약 건이 존재하지 않습니다.");
  return schedule;
}

export function createPaymentSchedule(
  emulator: Emulator,
  paymentId: string,
  billingKey: BillingKeyRecord,
  channelKey: string,
  payment: BillingKeyPaymentInput,
  timeToPay: string,
): PaymentScheduleRecord {
  const existing = emulator.state.payments.get(paymentId);
  if (existing && (isPaidLike(existing.status) || existing.status === "VIRTUAL_ACCOUNT_ISSUED"))
    throw new ApiError(409, "ALREADY_PAID_OR_WAITING", "이미 결제되었거나 입금을 기다리는 결제 건입니다.");
  if (holdsPaymentId(emulator, paymentId))
    throw new ApiError(409, "PAYMENT_SCHEDULE_ALREADY_EXISTS", "이 결제 건 아이디로 예약된 결제가 이미 있습니다.");
  const schedule: PaymentScheduleRecord = {
    id: randomUUID(),
    paymentId,
    storeId: emulator.config.storeId,
    billingKey: billingKey.billingKey,
    channelKey,
    payment,
    customer: billingKey.customer,
    status: "SCHEDULED",
    createdAt: nowIso(),
    timeToPay: new Date(timeToPay).toISOString(),
  };
  emulator.state.schedules.set(schedule.id, schedule);
  emulator.state.persist();
  armSchedule(emulator, schedule);
  return schedule;
}

/**
 * `DELETE /payment-schedules`: every SCHEDULED schedule of a billing key, or the named ones (which
 * must then all be of that key). All or nothing: one that cannot be revoked fails the whole call.
 */
export function revokePaymentSchedules(
  emulator: Emulator,
  selection: { billingKey?: string; scheduleIds?: string[] },
): { revokedScheduleIds: string[]; revokedAt: string } {
  const { billingKey, scheduleIds } = selection;
  if (billingKey === undefined && scheduleIds === undefined)
    throw invalidRequest("billingKey 또는 scheduleIds 중 하나 이상이 필요합니다.");
  if (billingKey !== undefined) {
    const key = emulator.state.billingKeys.get(billingKey);
    if (!key) throw new ApiError(404, "BILLING_KEY_NOT_FOUND", "빌링키가 존재하지 않습니다.");
    if (key.deletedAt) throw new ApiError(409, "BILLING_KEY_ALREADY_DELETED", "이미 삭제된 빌링키입니다.");
  }
  const selected =
    scheduleIds === undefined
      ? schedulesOf(emulator).filter(
          (schedule) => schedule.billingKey === billingKey && schedule.status === "SCHEDULED",
        )
      : scheduleIds.map((id) => findSchedule(emulator, id));
  for (const schedule of selected) {
    if (billingKey !== undefined && schedule.billingKey !== billingKey)
      throw invalidRequest(`결제 예약 건 ${schedule.id}은(는) 입력한 빌링키로 예약되지 않았습니다.`);
    if (schedule.status === "REVOKED")
      throw new ApiError(409, "PAYMENT_SCHEDULE_ALREADY_REVOKED", `이미 취소된 결제 예약 건입니다: ${schedule.id}`);
    if (schedule.status !== "SCHEDULED")
      throw new ApiError(409, "PAYMENT_SCHEDULE_ALREADY_PROCESSED", `이미 처리된 결제 예약 건입니다: ${schedule.id}`);
  }
  const revokedAt = nowIso();
  for (const schedule of selected) {
    disarmSchedule(emulator, schedule.id);
    schedule.status = "REVOKED";
    schedule.revokedAt = revokedAt;
  }
  emulator.state.persist();
  return { revokedScheduleIds: selected.map((schedule) => schedule.id), revokedAt };
}

/** The schedule's attempt: STARTED, then the billing-key payment decides SUCCEEDED or FAILED. */
export function runPaymentSchedule(emulator: Emulator, schedule: PaymentScheduleRecord): void {
  if (schedule.status !== "SCHEDULED") return;
  disarmSchedule(emulator, schedule.id);
  schedule.status = "STARTED";
  schedule.startedAt = nowIso();
  emulator.state.persist();
  const key = emulator.state.billingKeys.get(schedule.billingKey);
  let succeeded = false;
  try {
    if (key && !key.deletedAt) {
      payWithBillingKey(emulator, schedule.paymentId, key, schedule.channelKey, schedule.payment, schedule.id);
      succeeded = true;
    }
  } catch (error) {
    // A declined card (the payment is FAILED and Transaction.Failed sent) or a payment that cannot
    // be made any more (paid meanwhile, amount against its pre-registration): the attempt failed.
    if (!(error instanceof ApiError)) throw error;
  }
  schedule.status = succeeded ? "SUCCEEDED" : "FAILED";
  schedule.completedAt = nowIso();
  emulator.state.persist();
}

/** Runs, oldest timeToPay first, every SCHEDULED schedule due by `until` (ms): the clock jumps there. */
export function runDueSchedules(emulator: Emulator, until: number): PaymentScheduleRecord[] {
  const due = schedulesOf(emulator)
    .filter((schedule) => schedule.status === "SCHEDULED" && Date.parse(schedule.timeToPay) <= until)
    .sort((a, b) => Date.parse(a.timeToPay) - Date.parse(b.timeToPay));
  for (const schedule of due) runPaymentSchedule(emulator, schedule);
  return due;
}

/**
 * When the schedule runs on this machine's clock: its wait from creation to timeToPay times
 * `scheduleScale` (1 = at timeToPay). A timeToPay already past runs at once.
 */
export function scheduleRunsAt(schedule: PaymentScheduleRecord, scale: number): number {
  const created = Date.parse(schedule.createdAt);
  return created + Math.max(0, Date.parse(schedule.timeToPay) - created) * scale;
}

export function armSchedule(emulator: Emulator, schedule: PaymentScheduleRecord): void {
  disarmSchedule(emulator, schedule.id);
  if (schedule.status !== "SCHEDULED") return;
  const wait = Math.max(0, scheduleRunsAt(schedule, emulator.config.scheduleScale) - Date.now());
  const timer = setTimeout(
    () => {
      emulator.scheduleTimers.delete(schedule.id);
      const current = emulator.state.schedules.get(schedule.id);
      if (!current) return;
      if (wait > MAX_TIMER_MS) armSchedule(emulator, current);
      else runPaymentSchedule(emulator, current);
    },
    Math.min(wait, MAX_TIMER_MS),
  );
  timer.unref();
  emulator.scheduleTimers.set(schedule.id, timer);
}

/** Arms every schedule still waiting, e.g. those a state file brought back after a restart. */
export function armAllSchedules(emulator: Emulator): void {
  for (const schedule of schedulesOf(emulator)) armSchedule(emulator, schedule);
}

export function disarmSchedule(emulator: Emulator, scheduleId: string): void {
  const timer = emulator.scheduleTimers.get(scheduleId);
  if (timer) clearTimeout(timer);
  emulator.scheduleTimers.delete(scheduleId);
}

export function disarmAllSchedules(emulator: Emulator): void {
  for (const timer of emulator.scheduleTimers.values()) clearTimeout(timer);
  emulator.scheduleTimers.clear();
}
