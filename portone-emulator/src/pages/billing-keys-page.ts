import type { EmulatorConfig } from "../config.js";
import type { PaymentScheduleRecord } from "../domain/payment-schedules.js";
import type { BillingKeyRecord } from "../domain/state.js";
import { EASY_PAY_LABELS } from "../checkout/catalog.js";
import { header } from "./console-page.js";
import { escapeHtml, formatAmount, formatKst, page } from "./html.js";

const SCHEDULE_LABELS: Record<string, string> = {
  SCHEDULED: "예약 완료",
  STARTED: "결제 시작",
  SUCCEEDED: "결제 성공",
  FAILED: "결제 실패",
  REVOKED: "예약 취소",
};

const methodOf = (key: BillingKeyRecord) =>
  [
    key.easyPay && (EASY_PAY_LABELS[key.easyPay.provider] ?? key.easyPay.provider),
    key.easyPay?.method === "CHARGE" ? "충전 잔액" : key.cardNumberMasked,
  ]
    .filter(Boolean)
    .join(" · ");

/** The console's billing keys, each with its payment schedules and a delete button while it is issued. */
export function billingKeysPage(
  config: EmulatorConfig,
  keys: BillingKeyRecord[],
  schedules: PaymentScheduleRecord[],
  flash?: string,
): string {
  const sections = keys
    .map((key) => {
      const rows = schedules
        .filter((schedule) => schedule.billingKey === key.billingKey)
        .map(
          (schedule) => `<tr><td>${escapeHtml(schedule.id)}</td>
            <td><a href="/console/payments/${encodeURIComponent(schedule.paymentId)}">${escapeHtml(schedule.paymentId)}</a></td>
            <td>${escapeHtml(formatAmount(schedule.payment.totalAmount, schedule.payment.currency))}</td>
            <td>${escapeHtml(formatKst(schedule.timeToPay))}</td>
            <td>${escapeHtml(SCHEDULE_LABELS[schedule.status] ?? schedule.status)}</td></tr>`,
        )
        .join("");
      const state = key.deletedAt ? `삭제됨 (${escapeHtml(formatKst(key.deletedAt))})` : "발급됨";
      const remove = key.deletedAt
        ? ""
        : `<form method="post" action="/console/billing-keys/${encodeURIComponent(key.billingKey)}/delete"><button type="submit">빌링키 삭제</button></form>`;
      return `<section class="card" aria-label="빌링키 ${escapeHtml(key.billingKey)}">
        <h2>${escapeHtml(key.billingKey)}</h2>
        <p>${escapeHtml(methodOf(key))} · 고객 ${escapeHtml(key.customer.id ?? "-")} · ${state}</p>
        ${rows ? `<table aria-label="결제 예약"><thead><tr><th>예약 ID</th><th>결제 ID</th><th>금액</th><th>결제 예정</th><th>상태</th></tr></thead><tbody>${rows}</tbody></table>` : "<p>결제 예약이 없습니다.</p>"}
        ${remove}</section>`;
    })
    .join("");
  const body = `${header(config, "빌링키와 결제 예약")}
  ${flash ? `<p class="notice" role="status">${escapeHtml(flash)}</p>` : ""}
  ${sections || `<section class="card"><p>아직 빌링키가 없습니다.</p></section>`}`;
  return page("빌링키 - PortOne 에뮬레이터 콘솔", body);
}
