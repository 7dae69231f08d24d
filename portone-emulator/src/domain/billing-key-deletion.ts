import type { Emulator } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { emitBillingKeyWebhook } from "./billing-keys.js";
import type { BillingKeyRecord } from "./state.js";
import { nowIso } from "./time.js";

/**
 * Deletes a billing key (REST or console) and sends BillingKey.Deleted. PortOne's error union for
 * the deletion has PAYMENT_SCHEDULE_ALREADY_EXISTS: a key with schedules still waiting is kept
 * until they are revoked.
 */
export function deleteBillingKey(
  emulator: Emulator,
  record: BillingKeyRecord,
  options: { skipWebhook?: boolean } = {},
): string {
  if (record.deletedAt) throw new ApiError(409, "BILLING_KEY_ALREADY_DELETED", "이미 삭제된 빌링키입니다.");
  const waiting = [...emulator.state.schedules.values()].some(
    (schedule) => schedule.billingKey === record.billingKey && schedule.status === "SCHEDULED",
  );
  if (waiting)
    throw new ApiError(
      409,
      "PAYMENT_SCHEDULE_ALREADY_EXISTS",
      "예약된 결제가 있는 빌링키입니다. 예약을 먼저 취소하세요.",
    );
  const deletedAt = nowIso();
  record.deletedAt = deletedAt;
  emulator.state.persist();
  if (!options.skipWebhook) emitBillingKeyWebhook(emulator, record, "BillingKey.Deleted");
  return deletedAt;
}
