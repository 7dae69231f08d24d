import { catalogIn } from "../../checkout/catalog.js";
import { methodFields } from "../../pages/checkout-page.js";
import { escapeHtml, formatMajorAmount, page, scriptJson } from "../../pages/html.js";
import { WINDOW_TEXT, failureText } from "../../pages/window-text.js";
import { windowPayMethod } from "../domain/v1-codes.js";
import type { V1PaymentRecord } from "../domain/v1-payment.js";
import type { V1Window } from "../v1-context.js";

/** Messages between the V1 window and iamport.js carry this source, apart from V2's. */
export const V1_MESSAGE_SOURCE = "portone-emulator-v1";

const kstDate = (unix: number) =>
  unix > 0 ? new Date(unix * 1000 + 9 * 3600_000).toISOString().slice(0, 10) : undefined;

/** The V1 PG window: the same tester choices as V2's (approve / decline / close; issue a virtual account). */
export function v1CheckoutPage(storeName: string, window: V1Window, record: V1PaymentRecord): string {
  const { language } = window;
  const text = WINDOW_TEXT[language];
  const payMethod = windowPayMethod(record.pay_method);
  const approve =
    payMethod === "VIRTUAL_ACCOUNT"
      ? `<button class="primary" type="submit" name="outcome" value="issue">${text.issueVirtualAccount}</button>`
      : `<button class="primary" type="submit" name="outcome" value="approve">${text.approve}</button>`;
  const body = `
  <section class="card" aria-labelledby="checkout-title">
    <p><span class="badge">${text.badge}</span> ${escapeHtml(text.v1Emulator)}</p>
    <h1 id="checkout-title">${escapeHtml(storeName)}</h1>
    <dl>
      <dt>${text.orderName}</dt><dd>${escapeHtml(record.name)}</dd>
      <dt>${text.amount}</dt><dd class="amount">${escapeHtml(formatMajorAmount(record.amount, record.currency, language))}</dd>
      <dt>${text.payMethod}</dt><dd>${escapeHtml(catalogIn(language).payMethods[payMethod] ?? record.pay_method)} (${escapeHtml(record.pay_method)})</dd>
      <dt>PG</dt><dd>${escapeHtml(record.pg_provider)} · ${escapeHtml(record.pg_id)}</dd>
      <dt>${text.orderNumber}</dt><dd>${escapeHtml(record.merchant_uid)}</dd>
    </dl>
  </section>
  <form class="card" method="post" action="/v1/checkout/${encodeURIComponent(window.txId)}" aria-label="${text.outcomeForm}">
    ${methodFields({ payMethod }, { dueDate: kstDate(window.vbankDue ?? 0), language })}
    <div class="actions">
      ${approve}
      <button class="danger" type="submit" name="outcome" value="decline">${text.decline}</button>
      <button type="submit" name="outcome" value="cancel">${text.close}</button>
    </div>
  </form>
  <script>
    (function () {
      var target = window.parent !== window ? window.parent : null;
      if (target) target.postMessage({ source: ${scriptJson(V1_MESSAGE_SOURCE)}, txId: ${scriptJson(window.txId)}, ready: true }, ${scriptJson(window.parentOrigin)});
      document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        var cancel = document.querySelector('button[name="outcome"][value="cancel"]');
        if (cancel) cancel.click();
      });
    })();
  </script>`;
  return page(`${text.title} - ${storeName}`, body, { narrow: true, language });
}

/** Shown in the iframe after the choice: hands request_pay's callback object to the merchant page. */
export function v1ResultRelayPage(window: V1Window, result: Record<string, unknown>): string {
  const message = { source: V1_MESSAGE_SOURCE, txId: window.txId, result };
  const { language } = window;
  const text = WINDOW_TEXT[language];
  const failed = typeof result.error_msg === "string";
  const body = `
  <section class="card" role="status">
    <h1>${failed ? text.notCompleted : text.completed}</h1>
    <p>${escapeHtml(failed ? failureText(language, result.error_code, String(result.error_msg)) : text.closingSoon)}</p>
  </section>
  <script>
    (function () {
      var target = window.parent !== window ? window.parent : null;
      if (target) target.postMessage(${scriptJson(message)}, ${scriptJson(window.parentOrigin)});
    })();
  </script>`;
  return page(text.resultTitle, body, { narrow: true, language });
}

/** A sales slip for a V1 payment (receipt_url), so the link the API gives leads somewhere. */
export function v1ReceiptPage(record: V1PaymentRecord, cancellationId: string | null): string {
  const cancellation = record.cancel_history.find((entry) => entry.cancellation_id === cancellationId);
  const body = `
  <section class="card">
    <p><span class="badge">테스트</span> PortOne V1 에뮬레이터 ${cancellation ? "취소 전표" : "매출 전표"}</p>
    <h1>${escapeHtml(record.name)}</h1>
    <dl>
      <dt>거래번호</dt><dd>${escapeHtml(record.imp_uid)}</dd>
      <dt>주문번호</dt><dd>${escapeHtml(record.merchant_uid)}</dd>
      <dt>${cancellation ? "취소 금액" : "결제 금액"}</dt><dd>${escapeHtml(formatMajorAmount(cancellation?.amount ?? record.amount, record.currency))}</dd>
      <dt>상태</dt><dd>${escapeHtml(record.status)}</dd>
    </dl>
  </section>`;
  return page("PortOne V1 테스트 전표", body, { narrow: true });
}
