import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { payments } from "@/db/schema";
import { env } from "@/lib/env";
import { paymentConsentsDue } from "@/lib/legal/consents";
import { paymentProvider } from "@/lib/portone/select-provider";
import type { Locale } from "@/lib/i18n/locales";
import type { Currency } from "@/lib/money/currencies";
import { findPackage, orderNameOf, priceIn } from "../catalog/packages";
import type { PayOptionDefinition } from "../catalog/pay-option-table";
import { findPayOption } from "../catalog/pay-options";
import { checkCashReceipt, type CashReceiptType, type CheckedCashReceipt } from "../cash-receipt";
import { log } from "@/lib/observability/log";
import { storeOnV1 } from "../catalog/pay-options";
import { v1PaymentRequest, type V1PaymentRequest } from "./v1-request";

/** What every PortOne V2 window is asked for; built here so the browser decides nothing. */
interface PaymentRequestBase {
  storeId: string;
  channelKey: string;
  paymentId: string;
  orderName: string;
  /** Minor units of `currency`. */
  totalAmount: number;
  currency: Currency;
  /** The language of PortOne's (the PG's) window: the buyer's. */
  locale: "KO_KR" | "EN_US";
  customer: { customerId: string; fullName?: string; email?: string };
  redirectUrl: string;
}

/** What the browser passes to PortOne's requestPayment. */
export interface PaymentRequest extends PaymentRequestBase {
  payMethod: Exclude<PayOptionDefinition["payMethod"], "PAYPAL">;
  easyPay?: { easyPayProvider: NonNullable<PayOptionDefinition["easyPayProvider"]> };
  transfer?: CashReceiptFields;
  virtualAccount?: { accountExpiry: { validHours: number } } & Partial<CashReceiptFields>;
  windowType: { pc: PayOptionDefinition["pcWindow"]; mobile: "REDIRECTION" };
}

/** What the browser passes to PortOne's loadPaymentUI, which renders the PG's own button (PayPal's). */
export interface PaymentUIRequest extends PaymentRequestBase {
  uiType: NonNullable<PayOptionDefinition["paymentUi"]>;
}

/**
 * The window to open: PortOne V2's requestPayment, the PG's button through V2's loadPaymentUI
 * (PayPal), or V1's IMP.request_pay on a store still on V1.
 */
export type Checkout =
  | { provider: "v2"; paymentId: string; request: PaymentRequest }
  | { provider: "v2"; paymentId: string; paymentUi: PaymentUIRequest }
  | { provider: "v1"; paymentId: string; request: V1PaymentRequest };

/** PortOne's cash receipt request, in the pay method's own section of the request. */
interface CashReceiptFields {
  cashReceiptType: CashReceiptType;
  customerIdentifier: string;
}

export type CheckoutRefusal =
  | "unknown_package"
  | "unknown_pay_method"
  | "consent_required"
  | "too_many_open_checkouts"
  | "portone_unavailable"
  | "cash_receipt_unavailable"
  | "invalid_cash_receipt";

const VIRTUAL_ACCOUNT_VALID_HOURS = 24;

// Each checkout writes a row and registers an amount at PortOne; a script opening windows it
// never pays could do that without end. No person leaves 20 windows open in 10 minutes.
const OPEN_CHECKOUT_LIMIT = 20;
const OPEN_CHECKOUT_WINDOW_MS = 10 * 60_000;

async function openCheckoutsOf(userId: string): Promise<number> {
  const since = new Date(Date.now() - OPEN_CHECKOUT_WINDOW_MS);
  const [row] = await db
    .select({ open: count() })
    .from(payments)
    .where(and(eq(payments.userId, userId), eq(payments.status, "PENDING"), gt(payments.createdAt, since)));
  return row?.open ?? 0;
}

/** PortOne accepts ASCII letters, digits, '-' and '_' safely in every PG; nothing else is used. */
export function newPaymentId(): string {
  return `pc-${Date.now().toString(36)}-${randomBytes(9).toString("hex")}`;
}

/** The pay method's own part of the request: the account's validity, the cash receipt asked for. */
function methodSection(payMethod: PayOptionDefinition["payMethod"], cashReceipt: CheckedCashReceipt | undefined) {
  const receipt = cashReceipt && { cashReceiptType: cashReceipt.type, customerIdentifier: cashReceipt.identifier };
  if (payMethod === "VIRTUAL_ACCOUNT")
    return { virtualAccount: { accountExpiry: { validHours: VIRTUAL_ACCOUNT_VALID_HOURS }, ...receipt } };
  if (payMethod === "TRANSFER" && receipt) return { transfer: receipt };
  return {};
}

/**
 * Creates the PENDING payment for a package and pay option, tells PortOne the amount to expect,
 * and returns the request for the payment window.
 */
export async function createCheckout(input: {
  userId: string;
  packageId: string;
  payOptionId: string;
  customer: { name: string | null; email: string | null };
  /** The buyer's request for a cash receipt, as entered; checked here. */
  cashReceipt?: { type: CashReceiptType; identifier: string };
  /** The buyer's language: PortOne's window and the order's name speak it. */
  language?: Locale;
}): Promise<{ ok: true; checkout: Checkout } | { ok: false; code: CheckoutRefusal }> {
  const pack = findPackage(input.packageId);
  if (!pack) return { ok: false, code: "unknown_package" };
  const option = findPayOption(input.payOptionId);
  if (!option) return { ok: false, code: "unknown_pay_method" };
  // The option's channel settles in one currency; a package not priced in it is not sold there.
  const { currency } = option;
  const amount = priceIn(pack, currency);
  if (amount === undefined) return { ok: false, code: "unknown_package" };
  // The terms, privacy notice and refund policy in force must be agreed to before any payment
  // (전자상거래법 청약철회 notice); a checkbox in the browser is no proof, the recorded consent is.
  let cashReceipt: CheckedCashReceipt | undefined;
  if (input.cashReceipt) {
    if (!option.cashReceipt) return { ok: false, code: "cash_receipt_unavailable" };
    const checked = checkCashReceipt(input.cashReceipt.type, input.cashReceipt.identifier);
    if (!checked.ok) return { ok: false, code: "invalid_cash_receipt" };
    cashReceipt = checked.receipt;
  }
  if ((await paymentConsentsDue(input.userId)).length > 0) return { ok: false, code: "consent_required" };
  if ((await openCheckoutsOf(input.userId)) >= OPEN_CHECKOUT_LIMIT)
    return { ok: false, code: "too_many_open_checkouts" };

  const paymentId = newPaymentId();
  const language = input.language ?? "ko";
  const orderName = orderNameOf(pack, language === "ko" && currency === "KRW" ? "ko" : "en");
  await db.insert(payments).values({
    id: paymentId,
    userId: input.userId,
    packageId: pack.id,
    orderName,
    amount,
    currency,
    paidPoints: pack.paidPoints,
    bonusPoints: pack.bonusPoints,
    payOption: option.id,
    channelKey: option.channelKey,
    cashReceiptRequest: cashReceipt && { type: cashReceipt.type, maskedIdentifier: cashReceipt.masked },
  });

  try {
    await paymentProvider.preRegisterAmount(paymentId, amount, currency);
  } catch (error) {
    // The row stays PENDING with no window ever opened; reconciliation expires it.
    log.error({ paymentId, err: error }, "pre-registering the amount failed");
    return { ok: false, code: "portone_unavailable" };
  }

  if (storeOnV1) {
    const request = v1PaymentRequest({
      paymentId,
      option,
      orderName,
      amount,
      customer: input.customer,
      virtualAccountValidHours: VIRTUAL_ACCOUNT_VALID_HOURS,
    });
    return { ok: true, checkout: { provider: "v1", paymentId, request } };
  }
  const base: PaymentRequestBase = {
    storeId: env.PORTONE_STORE_ID,
    channelKey: option.channelKey,
    paymentId,
    orderName,
    totalAmount: amount,
    currency,
    locale: language === "en" ? "EN_US" : "KO_KR",
    customer: {
      customerId: input.userId,
      fullName: input.customer.name ?? undefined,
      email: input.customer.email ?? undefined,
    },
    redirectUrl: new URL("/charge/return", env.APP_URL).toString(),
  };
  if (option.paymentUi) {
    return { ok: true, checkout: { provider: "v2", paymentId, paymentUi: { ...base, uiType: option.paymentUi } } };
  }
  if (option.payMethod === "PAYPAL") throw new Error(`pay option ${option.id}: PayPal is paid through its button`);
  const request: PaymentRequest = {
    ...base,
    payMethod: option.payMethod,
    ...(option.easyPayProvider ? { easyPay: { easyPayProvider: option.easyPayProvider } } : {}),
    ...methodSection(option.payMethod, cashReceipt),
    windowType: { pc: option.pcWindow, mobile: "REDIRECTION" },
  };
  return { ok: true, checkout: { provider: "v2", paymentId, request } };
}
