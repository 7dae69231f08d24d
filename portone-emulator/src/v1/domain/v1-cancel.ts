import { V1Error, v1Boolean, v1Number, v1String } from "../api/v1-http.js";
import type { V1Context } from "../v1-context.js";
import {
  cancellableAmount,
  newCancellationId,
  newV1PgTid,
  touch,
  unixNow,
  type V1PaymentRecord,
} from "./v1-payment.js";

// POST /payments/cancel. Refusals answer HTTP 200 with a non-zero code and no response, the way
// PortOne's V1 reports a cancel it did not perform **(status and wording inferred)**.
const refuse = (message: string) => new V1Error(200, message);

function findTarget(context: V1Context, body: Record<string, unknown>): V1PaymentRecord {
  const impUid = v1String(body, "imp_uid");
  const merchantUid = v1String(body, "merchant_uid");
  if (impUid === undefined && merchantUid === undefined)
    throw new V1Error(400, "imp_uid 또는 merchant_uid 중 하나가 필요합니다.");
  // imp_uid wins when both are given; a merchant_uid names its newest paid (or else newest) payment.
  const record =
    impUid !== undefined
      ? context.state.payments.get(impUid)
      : (context.state.latestByMerchantUid(merchantUid ?? "", "paid") ??
        context.state.latestByMerchantUid(merchantUid ?? ""));
  if (!record) throw refuse("취소할 결제건이 존재하지 않습니다.");
  return record;
}

export function cancelV1Payment(context: V1Context, body: Record<string, unknown>): V1PaymentRecord {
  const record = findTarget(context, body);
  const requested = v1Number(body, "amount") ?? 0;
  const taxFree = v1Number(body, "tax_free") ?? 0;
  const checksum = v1Number(body, "checksum");
  const reason = v1String(body, "reason") ?? "";
  if (record.status === "cancelled") throw refuse("이미 전액취소된 주문입니다.");
  if (record.status === "failed") throw refuse("결제에 실패한 거래는 취소할 수 없습니다.");
  const now = unixNow();
  if (record.status === "ready") {
    // An issued, unpaid virtual account is closed; any other ready payment has nothing to cancel.
    if (record.pay_method !== "vbank" || record.vbank_issued_at === 0)
      throw refuse("결제가 완료되지 않은 거래는 취소할 수 없습니다.");
    record.status = "cancelled";
    record.cancelled_at = now;
    record.cancel_reason = reason;
    touch(record);
    context.state.save(record);
    return record;
  }
  const remaining = cancellableAmount(record);
  // checksum is the caller's idea of the cancellable balance: a mismatch stops the cancel.
  if (checksum !== undefined && checksum !== remaining)
    throw refuse(`checksum(${checksum})이 취소 가능 잔액(${remaining})과 일치하지 않습니다.`);
  const amount = requested === 0 ? remaining : requested;
  if (amount > remaining) throw refuse(`취소 요청 금액(${amount})이 취소 가능 잔액(${remaining})을 초과합니다.`);
  if (taxFree > amount) throw refuse("면세 금액(tax_free)이 취소 요청 금액보다 클 수 없습니다.");
  if (record.pay_method === "vbank") {
    const missing = ["refund_holder", "refund_bank", "refund_account"].filter((key) => !v1String(body, key));
    if (missing.length > 0) throw refuse(`가상계좌 환불에는 환불 계좌 정보가 필요합니다: ${missing.join(", ")}`);
  }
  const cancellationId = newCancellationId();
  const receiptUrl = `${context.emulator.publicUrl}/v1/receipts/${record.imp_uid}?cancellation_id=${cancellationId}`;
  record.cancel_history.push({
    pg_tid: newV1PgTid(),
    amount,
    cancelled_at: now,
    reason,
    cancellation_id: cancellationId,
    receipt_url: receiptUrl,
  });
  record.cancel_receipt_urls.push(receiptUrl);
  record.cancel_amount += amount;
  record.cancel_reason = reason;
  // A partial cancel keeps the payment paid; the last won makes it cancelled.
  if (record.cancel_amount >= record.amount) {
    record.status = "cancelled";
    record.cancelled_at = now;
  }
  touch(record);
  context.state.save(record);
  // API cancels only notify when asked (enable_webhook), as PortOne's reference says.
  if (v1Boolean(body, "enable_webhook")) context.notices.send(record, { cancellation_id: cancellationId });
  return record;
}
