import type { PaymentMethod, PaymentMethodCard, PaymentMethodEasyPayMethod } from "@portone/server-sdk/payment";
import type { Emulator } from "../context.js";
import { issueCashReceipt } from "../domain/cash-receipts.js";
import { newAccountNumber, newPgTxId } from "../domain/ids.js";
import { emitPaymentWebhook } from "../domain/payment-events.js";
import { setStatus, type PaymentRecord } from "../domain/payment-record.js";
import { nowIso } from "../domain/time.js";
import { BANKS, CARD_COMPANIES, DECLINE, PAYPAL_DECLINE, USER_CANCEL, labelOf } from "./catalog.js";
import type { CheckoutResult, CheckoutTransaction } from "./transaction.js";

export type Outcome = "approve" | "decline" | "cancel" | "issue";

/** Form fields of the checkout window. */
export type OutcomeFields = Record<string, string | undefined>;

/** Applies the tester's choice to the payment and returns the browser SDK's PaymentResponse. */
export function applyPaymentOutcome(
  emulator: Emulator,
  transaction: CheckoutTransaction,
  record: PaymentRecord,
  outcome: Outcome,
  fields: OutcomeFields,
): CheckoutResult {
  const base = { transactionType: "PAYMENT", txId: transaction.txId, paymentId: record.id };
  // A window whose attempt is no longer current (the paymentId was retried) can only fail.
  if (record.transactionId !== transaction.txId || record.status !== "READY") {
    return { ...base, code: "FAILURE_TYPE_PG", message: "[InvalidEntityState] 이미 처리된 결제 시도입니다." };
  }
  const at = nowIso();
  if (outcome === "decline" || outcome === "cancel") {
    const decline = record.payMethod === "PAYPAL" ? PAYPAL_DECLINE : DECLINE;
    const { pgCode, pgMessage } = outcome === "decline" ? decline : USER_CANCEL;
    const message = `[${pgCode}] ${pgMessage}`;
    record.failure = { reason: message, pgCode, pgMessage };
    record.failedAt = at;
    setStatus(record, "FAILED", at);
    emulator.state.savePayment(record);
    emitPaymentWebhook(emulator, record, "Transaction.Failed");
    return { ...base, code: "FAILURE_TYPE_PG", message, pgCode, pgMessage };
  }
  record.pgTxId = newPgTxId();
  if (record.payMethod === "VIRTUAL_ACCOUNT") {
    record.method = virtualAccountMethod(emulator, transaction, fields, at);
    setStatus(record, "VIRTUAL_ACCOUNT_ISSUED", at);
    emulator.state.savePayment(record);
    emitPaymentWebhook(emulator, record, "Transaction.VirtualAccountIssued");
    return base;
  }
  record.method = paidMethod(emulator, record, fields);
  record.paidAt = at;
  issueCashReceipt(record, emulator.publicUrl, at);
  setStatus(record, "PAID", at);
  emulator.state.savePayment(record);
  emitPaymentWebhook(emulator, record, "Transaction.Paid");
  return base;
}

function cardMethod(fields: OutcomeFields): PaymentMethodCard {
  const company = fields.cardCompany ?? CARD_COMPANIES[0][0];
  const month = Number(fields.installment ?? "0");
  return {
    type: "PaymentMethodCard",
    card: {
      publisher: company,
      issuer: company,
      brand: "LOCAL",
      type: "CREDIT",
      ownerType: "PERSONAL",
      bin: "536181",
      name: labelOf(CARD_COMPANIES, company),
      number: "536181******1234",
    },
    approvalNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
    installment: { month: Number.isSafeInteger(month) ? month : 0, isInterestFree: false },
    pointUsed: false,
  };
}

function paidMethod(emulator: Emulator, record: PaymentRecord, fields: OutcomeFields): PaymentMethod {
  switch (record.payMethod) {
    case "CARD":
      return cardMethod(fields);
    case "EASY_PAY": {
      const channel = emulator.config.channels.find((candidate) => candidate.key === record.channelKey);
      const easyPayMethod: PaymentMethodEasyPayMethod =
        fields.easyPayMethod === "CHARGE"
          ? { type: "PaymentMethodEasyPayMethodCharge", bank: fields.bank }
          : cardMethod(fields);
      return { type: "PaymentMethodEasyPay", provider: channel?.easyPayProvider, easyPayMethod };
    }
    case "TRANSFER":
      return { type: "PaymentMethodTransfer", bank: fields.bank ?? "KOOKMIN" };
    case "MOBILE":
      return { type: "PaymentMethodMobile", phoneNumber: fields.phoneNumber || "01000000000" };
    case "PAYPAL":
      // PortOne's PaymentMethod union has no PayPal variant, while its EasyPayProvider has PAYPAL:
      // a PayPal payment reads as an easy-pay one. PayPal does not say which funding source the
      // buyer used, so easyPayMethod stays absent.
      return { type: "PaymentMethodEasyPay", provider: "PAYPAL" };
    case "VIRTUAL_ACCOUNT":
      throw new Error("virtual accounts are issued, not paid, in the window");
  }
}

function virtualAccountMethod(
  emulator: Emulator,
  transaction: CheckoutTransaction,
  fields: OutcomeFields,
  at: string,
): PaymentMethod {
  const bank = fields.bank ?? BANKS[0][0];
  const dueDate = /^\d{4}-\d{2}-\d{2}$/.test(fields.dueDate ?? "") ? fields.dueDate : undefined;
  // The request's accountExpiry holds to the second unless the tester picked another day in the
  // window; a picked day is a Korean calendar day: the account closes at its last second, KST.
  const expiredAt =
    dueDate && dueDate !== transaction.dueDate
      ? new Date(`${dueDate}T23:59:59+09:00`).toISOString()
      : transaction.expiresAt;
  return {
    type: "PaymentMethodVirtualAccount",
    bank,
    accountNumber: fields.accountNumber || newAccountNumber(),
    accountType: "NORMAL",
    remitteeName: fields.holderName || emulator.config.storeName,
    remitterName: fields.remitterName || undefined,
    expiredAt,
    issuedAt: at,
  };
}
