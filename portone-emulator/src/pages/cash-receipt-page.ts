import type { EmulatorConfig } from "../config.js";
import type { RecordedCashReceipt } from "../domain/cash-receipts.js";
import { defaultVat, type PaymentRecord } from "../domain/payment-record.js";
import { escapeHtml, formatAmount, formatKst, page } from "./html.js";

const PURPOSE = { PERSONAL: "소득공제용", CORPORATE: "지출증빙용" } as const;

/** Shows only the ends of the number, as PGs' receipt pages do. */
function maskedIdentifier(digits: string): string {
  return digits.length <= 4 ? "****" : `${digits.slice(0, 3)}${"*".repeat(digits.length - 5)}${digits.slice(-2)}`;
}

/** The page a receipt's `url` opens: what the PG's cash receipt (현금영수증) page shows. */
export function cashReceiptPage(config: EmulatorConfig, payment: PaymentRecord, receipt: RecordedCashReceipt): string {
  const taxable = receipt.totalAmount - (receipt.taxFreeAmount ?? 0);
  const vat = defaultVat(taxable);
  const money = (amount: number) => escapeHtml(formatAmount(amount, receipt.currency));
  const cancelled = receipt.status === "CANCELLED";
  const body = `<section class="card" aria-labelledby="receipt-title">
    <p><span class="badge">테스트 모드</span> 실제로 국세청에 신고되지 않은 현금영수증입니다.</p>
    <h1 id="receipt-title">현금영수증${cancelled ? " (발급 취소)" : ""}</h1>
    <dl>
      <dt>상점</dt><dd>${escapeHtml(config.storeName)}</dd>
      <dt>상품명</dt><dd>${escapeHtml(payment.orderName)}</dd>
      <dt>용도</dt><dd>${escapeHtml(receipt.type ? PURPOSE[receipt.type as keyof typeof PURPOSE] : "")}</dd>
      <dt>식별 번호</dt><dd>${escapeHtml(maskedIdentifier(payment.cashReceiptRequest?.customerIdentifier ?? ""))}</dd>
      <dt>승인 번호</dt><dd data-testid="cash-receipt-issue-number">${escapeHtml(receipt.issueNumber)}</dd>
      <dt>발급 일시</dt><dd>${escapeHtml(formatKst(receipt.issuedAt))}</dd>
      ${cancelled ? `<dt>취소 일시</dt><dd>${escapeHtml(formatKst(receipt.cancelledAt))}</dd>` : ""}
      <dt>공급가액</dt><dd>${money(taxable - vat)}</dd>
      <dt>부가세</dt><dd>${money(vat)}</dd>
      <dt>합계</dt><dd class="amount">${money(receipt.totalAmount)}</dd>
    </dl>
  </section>`;
  return page(`현금영수증 ${receipt.issueNumber}`, body, { narrow: true });
}
