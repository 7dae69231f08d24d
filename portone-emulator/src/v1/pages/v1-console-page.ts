import { escapeHtml, formatMajorAmount, page } from "../../pages/html.js";
import type { V1PaymentRecord } from "../domain/v1-payment.js";

const STATUS_LABELS: Record<string, string> = {
  ready: "미결제",
  paid: "결제 완료",
  cancelled: "결제 취소",
  failed: "결제 실패",
};

const kst = (unix: number) =>
  unix > 0
    ? new Intl.DateTimeFormat("ko-KR", { timeZone: "Asia/Seoul", dateStyle: "medium", timeStyle: "medium" }).format(
        new Date(unix * 1000),
      )
    : "";

function actions(record: V1PaymentRecord): string {
  const form = (action: string, label: string) =>
    `<form method="post" action="/v1/console/payments/${encodeURIComponent(record.imp_uid)}/${action}"><button type="submit">${label}</button></form>`;
  if (record.status === "ready" && record.pay_method === "vbank" && record.vbank_issued_at > 0)
    return form("deposit", "테스트 입금 통지");
  if (record.status === "paid") return form("cancel", "전액 취소");
  return "";
}

/** The V1 part of the test console: payments, the test deposit of issued accounts, full cancels. */
export function v1ConsolePage(
  storeName: string,
  impCode: string,
  payments: V1PaymentRecord[],
  message?: string,
): string {
  const rows = payments
    .map(
      (record) => `<tr>
        <td>${escapeHtml(record.imp_uid)}</td>
        <td>${escapeHtml(record.merchant_uid)}</td>
        <td>${escapeHtml(record.name)}</td>
        <td>${escapeHtml(formatMajorAmount(record.amount, record.currency))}</td>
        <td>${escapeHtml(record.pay_method)}${record.vbank_num ? ` · ${escapeHtml(record.vbank_name)} ${escapeHtml(record.vbank_num)}` : ""}</td>
        <td>${escapeHtml(STATUS_LABELS[record.status] ?? record.status)}</td>
        <td>${escapeHtml(kst(record.started_at))}</td>
        <td>${actions(record)}</td></tr>`,
    )
    .join("");
  const table = payments.length
    ? `<table aria-label="V1 결제 목록"><thead><tr><th>imp_uid</th><th>merchant_uid</th><th>주문명</th><th>금액</th><th>결제 수단</th><th>상태</th><th>시작 시각</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>아직 V1 결제가 없습니다.</p>`;
  const notice = message ? `<p class="notice" role="status">${escapeHtml(message)}</p>` : "";
  const body = `<header class="card"><p><span class="badge">테스트 모드</span> PortOne V1 (아임포트) 에뮬레이터 콘솔</p>
  <h1><a href="/v1/console">V1 결제 내역</a></h1><p>상점 ${escapeHtml(storeName)} · 가맹점 식별코드 ${escapeHtml(impCode)} · <a href="/console">V2 콘솔</a></p></header>
  ${notice}<section class="card">${table}</section>`;
  return page("PortOne V1 에뮬레이터 콘솔", body);
}
