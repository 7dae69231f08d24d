import type { EmulatorConfig } from "../config.js";
import type { PaymentRecord } from "../domain/payment-record.js";
import { cancellableAmount } from "../domain/payment-record.js";
import { BANKS, labelOf } from "../checkout/catalog.js";
import { escapeHtml, formatAmount, formatKst, page } from "./html.js";

export const STATUS_LABELS: Record<string, string> = {
  READY: "결제 대기",
  VIRTUAL_ACCOUNT_ISSUED: "가상계좌 발급",
  PAID: "결제 완료",
  FAILED: "결제 실패",
  PARTIAL_CANCELLED: "부분 취소",
  CANCELLED: "결제 취소",
};

const paymentPath = (id: string) => `/console/payments/${encodeURIComponent(id)}`;

export function header(config: EmulatorConfig, title = `<a href="/console">결제 내역</a>`): string {
  return `<header class="card"><p><span class="badge">테스트 모드</span> PortOne 에뮬레이터 콘솔</p>
  <h1>${title}</h1><p>상점 ${escapeHtml(config.storeName)} · ${escapeHtml(config.storeId)} · <a href="/console/billing-keys">빌링키와 결제 예약</a></p></header>`;
}

export function paymentListPage(config: EmulatorConfig, payments: PaymentRecord[]): string {
  const rows = payments
    .map(
      (payment) => `<tr>
        <td><a href="${paymentPath(payment.id)}">${escapeHtml(payment.id)}</a></td>
        <td>${escapeHtml(payment.orderName)}</td>
        <td>${escapeHtml(formatAmount(payment.totalAmount, payment.currency))}</td>
        <td>${escapeHtml(payment.payMethod)}</td>
        <td>${escapeHtml(STATUS_LABELS[payment.status] ?? payment.status)}</td>
        <td>${escapeHtml(formatKst(payment.requestedAt))}</td></tr>`,
    )
    .join("");
  const table = payments.length
    ? `<table aria-label="결제 목록"><thead><tr><th>결제 ID</th><th>주문명</th><th>금액</th><th>결제 수단</th><th>상태</th><th>요청 시각</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>아직 결제가 없습니다.</p>`;
  return page("PortOne 에뮬레이터 콘솔", `${header(config)}<section class="card">${table}</section>`);
}

function virtualAccountDetails(payment: PaymentRecord): string {
  const method = payment.method;
  if (!method || method.type !== "PaymentMethodVirtualAccount" || !("accountNumber" in method)) return "";
  return `<dt>입금 은행</dt><dd>${escapeHtml(labelOf(BANKS, method.bank ?? ""))}</dd>
    <dt>계좌번호</dt><dd>${escapeHtml(method.accountNumber)}</dd>
    <dt>예금주</dt><dd>${escapeHtml(method.remitteeName ?? "")}</dd>
    <dt>입금 기한</dt><dd>${escapeHtml(formatKst(method.expiredAt))}</dd>`;
}

function cashReceiptDetails(payment: PaymentRecord): string {
  const requested = payment.cashReceiptRequest;
  if (!requested) return "";
  const receipt = payment.cashReceipt;
  const state = receipt
    ? `<a href="/console/cash-receipts/${encodeURIComponent(payment.id)}">${receipt.status === "CANCELLED" ? "발급 취소" : "발급"} · 승인번호 ${escapeHtml(receipt.issueNumber)}</a>`
    : "결제 완료 시 발급";
  return `<dt>현금영수증</dt><dd>${escapeHtml(requested.type)} ${escapeHtml(requested.customerIdentifier)} · ${state}</dd>`;
}

/** Amounts are typed as PortOne takes them: in the currency's minor unit (USD: cents). */
const minorUnitHint = (amount: number, currency: string) =>
  currency === "KRW" ? "" : ` = ${formatAmount(amount, currency)}, ${currency}의 최소 단위로 입력`;

function actions(payment: PaymentRecord): string {
  const forms: string[] = [];
  const action = (name: string, label: string, extra = "") =>
    `<form method="post" action="${paymentPath(payment.id)}/${name}">${extra}<button type="submit">${label}</button></form>`;
  if (payment.status === "VIRTUAL_ACCOUNT_ISSUED") forms.push(action("deposit", "테스트 입금 통지"));
  const remaining = cancellableAmount(payment);
  if (remaining > 0) {
    forms.push(
      action(
        "cancel",
        "결제 취소",
        `<label for="cancel-amount">취소 금액 (비우면 전액, 남은 금액 ${remaining}${minorUnitHint(remaining, payment.currency)})</label>
         <input id="cancel-amount" name="amount" inputmode="numeric">
         <label for="cancel-reason">취소 사유</label><input id="cancel-reason" name="reason" value="콘솔에서 취소">`,
      ),
    );
  }
  if (payment.webhooks.length > 0) forms.push(action("resend-webhook", "웹훅 재발송"));
  return forms.length ? `<section class="card actions" aria-label="작업">${forms.join("")}</section>` : "";
}

export function paymentDetailPage(
  config: EmulatorConfig,
  payment: PaymentRecord,
  view: unknown,
  flash?: string,
): string {
  const webhookRows = payment.webhooks
    .map(
      (webhook) =>
        `<tr><td>${escapeHtml(webhook.id)}</td><td>${escapeHtml(webhook.paymentStatus ?? "")}</td><td>${escapeHtml(webhook.url)}</td>
         <td>${escapeHtml(webhook.status ?? "대기")}</td><td>${escapeHtml(webhook.currentExecutionCount ?? 0)}</td><td>${escapeHtml(webhook.trigger ?? "")}</td></tr>`,
    )
    .join("");
  const body = `${header(config)}
  ${flash ? `<p class="notice" role="status">${escapeHtml(flash)}</p>` : ""}
  <section class="card" aria-labelledby="payment-title">
    <h2 id="payment-title">결제 상세</h2>
    <dl>
      <dt>결제 ID</dt><dd>${escapeHtml(payment.id)}</dd>
      <dt>상태</dt><dd data-testid="payment-status">${escapeHtml(STATUS_LABELS[payment.status] ?? payment.status)} (${escapeHtml(payment.status)})</dd>
      <dt>주문명</dt><dd>${escapeHtml(payment.orderName)}</dd>
      <dt>금액</dt><dd>${escapeHtml(formatAmount(payment.totalAmount, payment.currency))}</dd>
      <dt>취소된 금액</dt><dd>${escapeHtml(formatAmount(payment.cancelledAmount, payment.currency))}</dd>
      <dt>결제 수단</dt><dd>${escapeHtml(payment.payMethod)}</dd>
      <dt>요청 시각</dt><dd>${escapeHtml(formatKst(payment.requestedAt))}</dd>
      <dt>상태 변경</dt><dd>${escapeHtml(formatKst(payment.statusChangedAt))}</dd>
      ${virtualAccountDetails(payment)}
      ${cashReceiptDetails(payment)}
    </dl>
  </section>
  ${actions(payment)}
  <section class="card"><h2>웹훅</h2>
    <table aria-label="웹훅 목록"><thead><tr><th>ID</th><th>결제 상태</th><th>URL</th><th>결과</th><th>시도</th><th>트리거</th></tr></thead>
    <tbody>${webhookRows}</tbody></table></section>
  <section class="card"><h2>API 응답 (GET /payments/{id})</h2><pre>${escapeHtml(JSON.stringify(view, null, 2))}</pre></section>`;
  return page(`결제 ${payment.id} - PortOne 에뮬레이터 콘솔`, body);
}
