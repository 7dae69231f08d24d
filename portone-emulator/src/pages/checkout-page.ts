import type { EmulatorChannel } from "../config.js";
import type { PaymentRecord } from "../domain/payment-record.js";
import { BANKS, CARD_COMPANIES, EASY_PAY_LABELS, INSTALLMENT_MONTHS, PAY_METHOD_LABELS } from "../checkout/catalog.js";
import type { CheckoutResult, CheckoutTransaction } from "../checkout/transaction.js";
import { escapeHtml, formatAmount, page, scriptJson } from "./html.js";

const options = (list: readonly (readonly [string, string])[]) =>
  list.map(([code, label]) => `<option value="${escapeHtml(code)}">${escapeHtml(label)}</option>`).join("");

function field(id: string, label: string, control: string): string {
  return `<label for="${id}">${escapeHtml(label)}</label>${control}`;
}

const easyPayMethodField = field(
  "easyPayMethod",
  "결제 수단",
  `<select id="easyPayMethod" name="easyPayMethod"><option value="CARD">카드</option><option value="CHARGE">충전 잔액</option></select>`,
);
const cardCompanyField = field(
  "cardCompany",
  "카드사",
  `<select id="cardCompany" name="cardCompany">${options(CARD_COMPANIES)}</select>`,
);

/** A billing key is a card, or a wallet that pays by a card in it or by its balance. */
const billingKeyFields = (channel: Pick<EmulatorChannel, "payMethod">) =>
  channel.payMethod === "EASY_PAY" ? easyPayMethodField + cardCompanyField : cardCompanyField;

/** The tester's fields for a pay method (also the V1 window's): only `payMethod` and `dueDate` are read. */
export function methodFields(
  channel: Pick<EmulatorChannel, "payMethod">,
  transaction: Pick<CheckoutTransaction, "dueDate">,
): string {
  const cardFields =
    cardCompanyField +
    field(
      "installment",
      "할부",
      `<select id="installment" name="installment">${INSTALLMENT_MONTHS.map(
        (month) => `<option value="${month}">${month === 0 ? "일시불" : `${month}개월`}</option>`,
      ).join("")}</select>`,
    );
  switch (channel.payMethod) {
    case "CARD":
      return cardFields;
    case "EASY_PAY":
      return easyPayMethodField + cardFields;
    case "TRANSFER":
      return field("bank", "은행", `<select id="bank" name="bank">${options(BANKS)}</select>`);
    case "MOBILE":
      return field(
        "phoneNumber",
        "휴대폰 번호",
        `<input id="phoneNumber" name="phoneNumber" inputmode="numeric" value="01012345678">`,
      );
    case "PAYPAL":
      // PayPal's own window: the buyer is logged in to a sandbox account and picks nothing here.
      return `<p class="notice">PayPal 샌드박스 구매자 계정(buyer@example.com)으로 로그인했습니다.</p>`;
    case "VIRTUAL_ACCOUNT":
      return (
        field("bank", "입금 은행", `<select id="bank" name="bank">${options(BANKS)}</select>`) +
        field(
          "accountNumber",
          "계좌번호 (비우면 자동 생성)",
          `<input id="accountNumber" name="accountNumber" inputmode="numeric">`,
        ) +
        field("holderName", "예금주", `<input id="holderName" name="holderName" value="">`) +
        field(
          "dueDate",
          "입금 기한",
          `<input id="dueDate" name="dueDate" type="date" value="${escapeHtml(transaction.dueDate ?? "")}">`,
        )
      );
  }
}

/** The PG window: the tester picks what the PG answers. Buttons submit a plain form. */
export function checkoutPage(
  storeName: string,
  transaction: CheckoutTransaction,
  channel: EmulatorChannel,
  payment: PaymentRecord | undefined,
): string {
  const isBillingKey = transaction.kind === "ISSUE_BILLING_KEY";
  const methodLabel =
    channel.payMethod === "EASY_PAY"
      ? `${PAY_METHOD_LABELS.EASY_PAY} · ${EASY_PAY_LABELS[channel.easyPayProvider ?? ""] ?? ""}`
      : PAY_METHOD_LABELS[channel.payMethod];
  const approve = isBillingKey
    ? `<button class="primary" type="submit" name="outcome" value="approve">빌링키 발급</button>`
    : channel.payMethod === "VIRTUAL_ACCOUNT"
      ? `<button class="primary" type="submit" name="outcome" value="issue">가상계좌 발급</button>`
      : `<button class="primary" type="submit" name="outcome" value="approve">결제 승인</button>`;
  const summary = payment
    ? `<dt>주문명</dt><dd>${escapeHtml(payment.orderName)}</dd>
       <dt>결제 금액</dt><dd class="amount">${escapeHtml(formatAmount(payment.totalAmount, payment.currency))}</dd>`
    : `<dt>발급 이름</dt><dd>${escapeHtml(transaction.issueName ?? "정기 결제")}</dd>`;
  const body = `
  <section class="card" aria-labelledby="checkout-title">
    <p><span class="badge">테스트 결제창</span> PortOne 에뮬레이터</p>
    <h1 id="checkout-title">${escapeHtml(storeName)}</h1>
    <dl>
      ${summary}
      <dt>결제 수단</dt><dd>${escapeHtml(methodLabel)}</dd>
      <dt>채널</dt><dd>${escapeHtml(channel.name)} (${escapeHtml(channel.pgProvider)})</dd>
    </dl>
  </section>
  <form class="card" method="post" action="/checkout/${encodeURIComponent(transaction.txId)}" aria-label="결제 결과 선택">
    ${isBillingKey ? billingKeyFields(channel) : methodFields(channel, transaction)}
    <div class="actions">
      ${approve}
      <button class="danger" type="submit" name="outcome" value="decline">결제 실패(거절)</button>
      <button type="submit" name="outcome" value="cancel">창 닫기</button>
    </div>
  </form>
  <script>
    (function () {
      // Tells the merchant page's script the window loaded (until then its overlay offers only
      // closing), and lets Escape close the window from inside it, as PG windows do.
      var parentOrigin = ${scriptJson(transaction.parentOrigin)};
      var target = window.opener || (window.parent !== window ? window.parent : null);
      if (target) target.postMessage({ source: "portone-emulator", txId: ${scriptJson(transaction.txId)}, ready: true }, parentOrigin);
      document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        var cancel = document.querySelector('button[name="outcome"][value="cancel"]');
        if (cancel) cancel.click();
      });
    })();
  </script>`;
  return page(`PortOne 테스트 결제창 - ${storeName}`, body, { narrow: true });
}

/** Shown inside an iframe or popup after the choice: hands the result to the merchant page. */
export function resultRelayPage(transaction: CheckoutTransaction, result: CheckoutResult): string {
  const message = { source: "portone-emulator", txId: transaction.txId, result };
  const failed = result.code !== undefined;
  const body = `
  <section class="card" role="status">
    <h1>${failed ? "결제가 완료되지 않았습니다" : "처리가 완료되었습니다"}</h1>
    <p>${escapeHtml(result.message ?? "잠시 후 창이 닫힙니다.")}</p>
  </section>
  <script>
    (function () {
      var message = ${scriptJson(message)};
      var target = window.opener || (window.parent !== window ? window.parent : null);
      if (target) target.postMessage(message, ${scriptJson(transaction.parentOrigin)});
      if (window.opener) setTimeout(function () { window.close(); }, 50);
    })();
  </script>`;
  return page("PortOne 테스트 결제 결과", body, { narrow: true });
}
