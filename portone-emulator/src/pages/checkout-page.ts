import type { EmulatorChannel } from "../config.js";
import type { PaymentRecord } from "../domain/payment-record.js";
import { INSTALLMENT_MONTHS, catalogIn } from "../checkout/catalog.js";
import type { CheckoutResult, CheckoutTransaction } from "../checkout/transaction.js";
import type { WindowLanguage } from "../checkout/window-language.js";
import { escapeHtml, formatAmount, page, scriptJson } from "./html.js";
import { WINDOW_TEXT, failureText } from "./window-text.js";

const options = (list: readonly (readonly [string, string])[]) =>
  list.map(([code, label]) => `<option value="${escapeHtml(code)}">${escapeHtml(label)}</option>`).join("");

function field(id: string, label: string, control: string): string {
  return `<label for="${id}">${escapeHtml(label)}</label>${control}`;
}

const easyPayMethodField = (language: WindowLanguage) => {
  const text = WINDOW_TEXT[language];
  return field(
    "easyPayMethod",
    text.easyPayMethod,
    `<select id="easyPayMethod" name="easyPayMethod"><option value="CARD">${text.easyPayCard}</option><option value="CHARGE">${text.easyPayCharge}</option></select>`,
  );
};
const cardCompanyField = (language: WindowLanguage) =>
  field(
    "cardCompany",
    WINDOW_TEXT[language].cardCompany,
    `<select id="cardCompany" name="cardCompany">${options(catalogIn(language).cardCompanies)}</select>`,
  );

/** A billing key is a card, or a wallet that pays by a card in it or by its balance. */
const billingKeyFields = (channel: Pick<EmulatorChannel, "payMethod">, language: WindowLanguage) =>
  channel.payMethod === "EASY_PAY"
    ? easyPayMethodField(language) + cardCompanyField(language)
    : cardCompanyField(language);

/** The tester's fields for a pay method (also the V1 window's): only `payMethod` and `dueDate` are read. */
export function methodFields(
  channel: Pick<EmulatorChannel, "payMethod">,
  transaction: Pick<CheckoutTransaction, "dueDate" | "language">,
): string {
  const { language } = transaction;
  const text = WINDOW_TEXT[language];
  const { banks } = catalogIn(language);
  const cardFields =
    cardCompanyField(language) +
    field(
      "installment",
      text.installment,
      `<select id="installment" name="installment">${INSTALLMENT_MONTHS.map(
        (month) => `<option value="${month}">${month === 0 ? text.lumpSum : text.months(month)}</option>`,
      ).join("")}</select>`,
    );
  switch (channel.payMethod) {
    case "CARD":
      return cardFields;
    case "EASY_PAY":
      return easyPayMethodField(language) + cardFields;
    case "TRANSFER":
      return field("bank", text.bank, `<select id="bank" name="bank">${options(banks)}</select>`);
    case "MOBILE":
      return field(
        "phoneNumber",
        text.phoneNumber,
        `<input id="phoneNumber" name="phoneNumber" inputmode="numeric" value="01012345678">`,
      );
    case "PAYPAL":
      // PayPal's own window: the buyer is logged in to a sandbox account and picks nothing here.
      return `<p class="notice">${escapeHtml(text.payPalBuyer)}</p>`;
    case "VIRTUAL_ACCOUNT":
      return (
        field("bank", text.depositBank, `<select id="bank" name="bank">${options(banks)}</select>`) +
        field(
          "accountNumber",
          text.accountNumber,
          `<input id="accountNumber" name="accountNumber" inputmode="numeric">`,
        ) +
        field("holderName", text.holderName, `<input id="holderName" name="holderName" value="">`) +
        field(
          "dueDate",
          text.dueDate,
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
  const { language } = transaction;
  const text = WINDOW_TEXT[language];
  const catalog = catalogIn(language);
  const isBillingKey = transaction.kind === "ISSUE_BILLING_KEY";
  const methodLabel =
    channel.payMethod === "EASY_PAY"
      ? `${catalog.payMethods.EASY_PAY} · ${catalog.easyPay[channel.easyPayProvider ?? ""] ?? ""}`
      : catalog.payMethods[channel.payMethod];
  const approve = isBillingKey
    ? `<button class="primary" type="submit" name="outcome" value="approve">${text.issueBillingKey}</button>`
    : channel.payMethod === "VIRTUAL_ACCOUNT"
      ? `<button class="primary" type="submit" name="outcome" value="issue">${text.issueVirtualAccount}</button>`
      : `<button class="primary" type="submit" name="outcome" value="approve">${text.approve}</button>`;
  const summary = payment
    ? `<dt>${text.orderName}</dt><dd>${escapeHtml(payment.orderName)}</dd>
       <dt>${text.amount}</dt><dd class="amount">${escapeHtml(formatAmount(payment.totalAmount, payment.currency, language))}</dd>`
    : `<dt>${text.issueName}</dt><dd>${escapeHtml(transaction.issueName ?? text.defaultIssueName)}</dd>`;
  const body = `
  <section class="card" aria-labelledby="checkout-title">
    <p><span class="badge">${text.badge}</span> ${text.emulator}</p>
    <h1 id="checkout-title">${escapeHtml(storeName)}</h1>
    <dl>
      ${summary}
      <dt>${text.payMethod}</dt><dd>${escapeHtml(methodLabel)}</dd>
      <dt>${text.channel}</dt><dd>${escapeHtml(channel.name)} (${escapeHtml(channel.pgProvider)})</dd>
    </dl>
  </section>
  <form class="card" method="post" action="/checkout/${encodeURIComponent(transaction.txId)}" aria-label="${text.outcomeForm}">
    ${isBillingKey ? billingKeyFields(channel, language) : methodFields(channel, transaction)}
    <div class="actions">
      ${approve}
      <button class="danger" type="submit" name="outcome" value="decline">${text.decline}</button>
      <button type="submit" name="outcome" value="cancel">${text.close}</button>
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
  return page(`${text.title} - ${storeName}`, body, { narrow: true, language });
}

/** Shown inside an iframe or popup after the choice: hands the result to the merchant page. */
export function resultRelayPage(transaction: CheckoutTransaction, result: CheckoutResult): string {
  const message = { source: "portone-emulator", txId: transaction.txId, result };
  const { language } = transaction;
  const text = WINDOW_TEXT[language];
  const failed = result.code !== undefined;
  const explanation =
    result.message === undefined ? text.closingSoon : failureText(language, result.pgCode, result.message);
  const body = `
  <section class="card" role="status">
    <h1>${failed ? text.notCompleted : text.completed}</h1>
    <p>${escapeHtml(explanation)}</p>
  </section>
  <script>
    (function () {
      var message = ${scriptJson(message)};
      var target = window.opener || (window.parent !== window ? window.parent : null);
      if (target) target.postMessage(message, ${scriptJson(transaction.parentOrigin)});
      if (window.opener) setTimeout(function () { window.close(); }, 50);
    })();
  </script>`;
  return page(text.resultTitle, body, { narrow: true, language });
}
