import { randomUUID } from "node:crypto";
import { CARD_COMPANIES, BANKS, DECLINE, USER_CANCEL, labelOf } from "../../checkout/catalog.js";
import type { WindowLanguage } from "../../checkout/window-language.js";
import { newAccountNumber } from "../../domain/ids.js";
import type { V1Context, V1Window, V1WindowMode } from "../v1-context.js";
import { V1_BANK_CODES, V1_CARD_CODES, V1_PAY_METHODS, v1PgProviderOf } from "./v1-codes.js";
import { newImpUid, newV1PgTid, touch, unixNow, type V1PaymentRecord } from "./v1-payment.js";

/** A request_pay that cannot open a window: the callback (or redirect) gets these at once. */
export class V1CheckoutError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly merchantUid?: string,
  ) {
    super(message);
  }
}

export interface V1OpenRequest {
  impCode: unknown;
  params: Record<string, unknown>;
  isMobile: boolean;
  parentOrigin: string;
  pageUrl?: string;
  userAgent: string;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

// request_pay's `language` ("결제창 언어", default ko): PortOne's V1 reference lists ko and en, and its
// Eximbay guide adds zh and jp. Every language but Korean gets the English window.
const V1_LANGUAGES = ["ko", "en", "zh", "jp"];

function readV1Language(value: unknown, merchantUid: string): WindowLanguage {
  if (value === undefined || value === null) return "ko";
  if (typeof value !== "string" || !V1_LANGUAGES.includes(value))
    throw new V1CheckoutError("F0007", `지원하지 않는 결제창 언어입니다: ${String(value)}`, merchantUid);
  return value === "ko" ? "ko" : "en";
}

/** pg "html5_inicis.INIpayTest" → provider and MID; channelKey → the configured channel's PG. */
function resolvePg(context: V1Context, params: Record<string, unknown>) {
  const channelKey = text(params.channelKey);
  if (channelKey) {
    const channel = context.emulator.config.channels.find((candidate) => candidate.key === channelKey);
    if (!channel) throw new V1CheckoutError("F0001", `채널 정보를 찾을 수 없습니다: ${channelKey}`);
    return { provider: v1PgProviderOf(channel.pgProvider), pgId: channel.id, byChannel: true };
  }
  const pg = text(params.pg) ?? context.emulator.config.v1DefaultPg;
  const [provider = "", pgId = `${provider}_test`] = pg.split(".", 2);
  return { provider, pgId, byChannel: false };
}

/** vbank_due: "YYYYMMDD" or "YYYYMMDDhhmm" in Korean time, or a unix timestamp. */
function parseVbankDue(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value);
  if (typeof value !== "string") return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?$/.exec(value);
  if (!match) return undefined;
  const [, y, m, d, hh = "23", mm = hh === "23" ? "59" : "00"] = match;
  return Math.floor(Date.parse(`${y}-${m}-${d}T${hh}:${mm}:00+09:00`) / 1000);
}

function noticeUrlsOf(value: unknown): string[] {
  if (typeof value === "string" && value !== "") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string" && item !== "");
  return [];
}

/** Checks request_pay's params like PortOne, records a `ready` payment and remembers the window. */
export function openV1Checkout(context: V1Context, open: V1OpenRequest): V1Window {
  const { config } = context.emulator;
  const { params } = open;
  const merchantUid = text(params.merchant_uid) ?? `nobody_${Date.now()}`;
  if (open.impCode !== config.v1ImpCode)
    throw new V1CheckoutError("F0000", "가맹점 식별코드가 올바르지 않습니다. IMP.init()을 확인해 주세요.", merchantUid);
  const amount = typeof params.amount === "string" ? Number(params.amount) : params.amount;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0)
    throw new V1CheckoutError("F0002", "결제 금액(amount)이 올바르지 않습니다.", merchantUid);
  const payMethod = text(params.pay_method) ?? "card";
  if (!(V1_PAY_METHODS as readonly string[]).includes(payMethod))
    throw new V1CheckoutError("F0003", `지원하지 않는 결제수단입니다: ${payMethod}`, merchantUid);
  const currency = text(params.currency) ?? "KRW";
  const language = readV1Language(params.language, merchantUid);
  if (context.state.latestByMerchantUid(merchantUid, "paid"))
    throw new V1CheckoutError("F0004", "이미 결제가 완료된 주문번호(merchant_uid)입니다.", merchantUid);
  // POST /payments/prepare: a different amount stops the window before it opens.
  const prepared = context.state.preparations.get(merchantUid);
  if (prepared && (prepared.amount !== amount || (prepared.currency !== null && prepared.currency !== currency)))
    throw new V1CheckoutError(
      "F1002",
      `사전 등록된 결제 금액(${prepared.amount})과 요청 금액(${amount})이 일치하지 않습니다.`,
      merchantUid,
    );
  const pg = resolvePg(context, params);
  const redirectUrl = text(params.m_redirect_url) ?? undefined;
  const mode: V1WindowMode =
    redirectUrl && (open.isMobile || config.v1RedirectPgs.includes(pg.provider)) ? "REDIRECTION" : "IFRAME";
  const now = unixNow();
  const customData = params.custom_data;
  const record: V1PaymentRecord = {
    seq: context.state.takeSeq(),
    imp_uid: newImpUid(),
    merchant_uid: merchantUid,
    pay_method: payMethod,
    channel: open.isMobile ? "mobile" : "pc",
    pg_provider: pg.provider,
    pg_tid: null,
    pg_id: pg.pgId,
    sandbox: true,
    escrow: params.escrow === true,
    apply_num: null,
    bank_code: null,
    bank_name: null,
    card_code: null,
    card_name: null,
    card_quota: 0,
    card_number: null,
    card_type: null,
    vbank_code: null,
    vbank_name: null,
    vbank_num: null,
    vbank_holder: null,
    vbank_date: 0,
    vbank_issued_at: 0,
    name: text(params.name) ?? "",
    amount,
    cancel_amount: 0,
    currency,
    tax_free: typeof params.tax_free === "number" ? params.tax_free : 0,
    buyer_name: text(params.buyer_name),
    buyer_email: text(params.buyer_email),
    buyer_tel: text(params.buyer_tel),
    buyer_addr: text(params.buyer_addr),
    buyer_postcode: text(params.buyer_postcode),
    // PortOne keeps custom_data as the JSON text of whatever was passed.
    custom_data:
      customData === undefined || customData === null
        ? null
        : typeof customData === "string"
          ? customData
          : JSON.stringify(customData),
    user_agent: open.userAgent,
    status: "ready",
    started_at: now,
    paid_at: 0,
    failed_at: 0,
    cancelled_at: 0,
    fail_reason: null,
    cancel_reason: null,
    receipt_url: null,
    cancel_history: [],
    cancel_receipt_urls: [],
    cash_receipt_issued: false,
    customer_uid: text(params.customer_uid),
    customer_uid_usage: null,
    updatedAtMs: Date.now(),
    noticeUrls: noticeUrlsOf(params.notice_url),
    webhooks: [],
  };
  context.state.save(record);
  const style = config.v1ResultStyle === "auto" ? (pg.byChannel ? "minimal" : "full") : config.v1ResultStyle;
  const window: V1Window = {
    txId: randomUUID(),
    imp_uid: record.imp_uid,
    mode,
    language,
    parentOrigin: open.parentOrigin,
    redirectUrl,
    style,
    vbankDue: parseVbankDue(params.vbank_due),
  };
  context.windows.set(window.txId, window);
  return window;
}

export type V1Outcome = "approve" | "issue" | "decline" | "cancel";

/** Applies the tester's choice; returns the error message when the payment did not go through. */
export function applyV1Outcome(
  context: V1Context,
  record: V1PaymentRecord,
  window: V1Window,
  outcome: V1Outcome,
  fields: Record<string, string | undefined>,
): { errorCode?: string; errorMsg?: string } {
  if (record.status !== "ready" || record.pg_tid !== null)
    return { errorCode: "F0005", errorMsg: "이미 처리된 결제 시도입니다." };
  const now = unixNow();
  if (outcome === "decline" || outcome === "cancel") {
    const { pgCode, pgMessage } = outcome === "decline" ? DECLINE : USER_CANCEL;
    record.status = "failed";
    record.failed_at = now;
    record.fail_reason = `[${pgCode}] ${pgMessage}`;
    touch(record);
    context.state.save(record);
    // V1 sends no notice for a failed window (PortOne notifies paid, issued and deposited).
    return { errorCode: pgCode, errorMsg: record.fail_reason };
  }
  record.pg_tid = newV1PgTid();
  const publicUrl = context.emulator.publicUrl;
  if (record.pay_method === "vbank") {
    const bank = fields.bank ?? BANKS[0][0];
    const dueDate = /^\d{4}-\d{2}-\d{2}$/.test(fields.dueDate ?? "") ? fields.dueDate : undefined;
    record.vbank_code = V1_BANK_CODES[bank] ?? null;
    record.vbank_name = labelOf(BANKS, bank);
    record.vbank_num = fields.accountNumber || newAccountNumber();
    record.vbank_holder = fields.holderName || context.emulator.config.storeName;
    record.vbank_date = dueDate
      ? Math.floor(Date.parse(`${dueDate}T23:59:59+09:00`) / 1000)
      : (window.vbankDue ?? now + 3 * 24 * 3600);
    record.vbank_issued_at = now;
    touch(record);
    context.state.save(record);
    context.notices.send(record);
    return {};
  }
  if (record.pay_method === "trans") {
    const bank = fields.bank ?? "KOOKMIN";
    record.bank_code = V1_BANK_CODES[bank] ?? null;
    record.bank_name = labelOf(BANKS, bank);
  } else if (record.pay_method !== "phone") {
    const company = fields.cardCompany ?? CARD_COMPANIES[0][0];
    const quota = Number(fields.installment ?? "0");
    record.card_code = V1_CARD_CODES[company] ?? null;
    record.card_name = labelOf(CARD_COMPANIES, company);
    record.card_quota = Number.isSafeInteger(quota) ? quota : 0;
    record.card_number = "536181******1234";
    record.card_type = 0;
    record.apply_num = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  }
  record.status = "paid";
  record.paid_at = now;
  record.receipt_url = `${publicUrl}/v1/receipts/${record.imp_uid}`;
  touch(record);
  context.state.save(record);
  context.notices.send(record);
  return {};
}

/** The test console's "입금 통지": an issued virtual account becomes paid, with a notice. */
export function depositV1VirtualAccount(context: V1Context, record: V1PaymentRecord): void {
  if (record.pay_method !== "vbank" || record.status !== "ready" || record.vbank_issued_at === 0)
    throw new V1CheckoutError("F0006", "입금 대기 중인 가상계좌가 아닙니다.");
  record.status = "paid";
  record.paid_at = unixNow();
  record.receipt_url = `${context.emulator.publicUrl}/v1/receipts/${record.imp_uid}`;
  touch(record);
  context.state.save(record);
  context.notices.send(record);
}

/** request_pay's callback object, or the m_redirect_url query, for a settled window. */
export function v1Result(
  record: V1PaymentRecord | undefined,
  window: Pick<V1Window, "style">,
  failure: { errorCode?: string; errorMsg?: string },
  merchantUid?: string,
): Record<string, unknown> {
  const failed = failure.errorMsg !== undefined;
  const ids = {
    imp_uid: record?.imp_uid ?? null,
    merchant_uid: record?.merchant_uid ?? merchantUid ?? null,
    ...(failed ? { error_code: failure.errorCode ?? null, error_msg: failure.errorMsg } : {}),
  };
  if (window.style === "minimal" || !record) return window.style === "minimal" ? ids : { success: false, ...ids };
  return {
    success: !failed,
    ...ids,
    error_code: failed ? (failure.errorCode ?? null) : null,
    error_msg: failed ? failure.errorMsg : null,
    pay_method: record.pay_method,
    paid_amount: failed ? 0 : record.amount,
    status: record.status,
    name: record.name,
    pg_provider: record.pg_provider,
    pg_tid: record.pg_tid,
    buyer_name: record.buyer_name,
    buyer_email: record.buyer_email,
    buyer_tel: record.buyer_tel,
    buyer_addr: record.buyer_addr,
    buyer_postcode: record.buyer_postcode,
    custom_data: record.custom_data,
    paid_at: record.paid_at,
    receipt_url: record.receipt_url,
    apply_num: record.apply_num,
    card_name: record.card_name,
    card_quota: record.card_quota,
    vbank_num: record.vbank_num,
    vbank_name: record.vbank_name,
    vbank_holder: record.vbank_holder,
    vbank_date: record.vbank_date,
    currency: record.currency,
  };
}

/** m_redirect_url + the result: ids, error fields, and `imp_success` in the full style. */
export function v1RedirectTarget(redirectUrl: string, result: Record<string, unknown>): string {
  const target = new URL(redirectUrl);
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null) target.searchParams.set(key, String(value));
  };
  set("imp_uid", result.imp_uid);
  set("merchant_uid", result.merchant_uid);
  if (typeof result.success === "boolean") set("imp_success", result.success);
  set("error_code", result.error_code);
  set("error_msg", result.error_msg);
  return target.toString();
}
