import type { Emulator } from "../context.js";
import { emitBillingKeyWebhook, issueBillingKey } from "../domain/billing-keys.js";
import { newBillingKey } from "../domain/ids.js";
import { CARD_COMPANIES, DECLINE, USER_CANCEL } from "./catalog.js";
import { toCustomer } from "./customer.js";
import { readRedirectUrl } from "./payment-request.js";
import { CheckoutError, requireChannel, requireStore, type Fields } from "./request-checks.js";
import type { Outcome, OutcomeFields } from "./payment-outcomes.js";
import type { CheckoutResult, CheckoutTransaction } from "./transaction.js";

/** requestIssueBillingKey: only card billing keys are emulated. */
export function acceptBillingKeyRequest(emulator: Emulator, request: Fields) {
  if (!request.storeId) throw new CheckoutError("BadRequest", "storeId는 필수 입력 항목입니다.");
  if (!request.billingKeyMethod) throw new CheckoutError("BadRequest", "billingKeyMethod는 필수 입력 항목입니다.");
  requireStore(emulator, request.storeId);
  if (request.billingKeyMethod !== "CARD") {
    throw new CheckoutError("BadRequest", "에뮬레이터는 카드 빌링키(billingKeyMethod: CARD)만 지원합니다.");
  }
  const channel = requireChannel(emulator, { ...request, payMethod: "CARD" });
  const redirectUrl = readRedirectUrl(request.redirectUrl);
  // PortOne names the key when the window opens (BillingKey.Ready) and reports its fate later.
  const billingKey = newBillingKey();
  emitBillingKeyWebhook(
    emulator,
    { billingKey, storeId: emulator.config.storeId, noticeUrls: noticeUrlsOf(request) },
    "BillingKey.Ready",
  );
  return { channel, redirectUrl, billingKey };
}

const noticeUrlsOf = (request: Fields) =>
  Array.isArray(request.noticeUrls)
    ? request.noticeUrls.filter((url): url is string => typeof url === "string")
    : undefined;

export function applyBillingKeyOutcome(
  emulator: Emulator,
  transaction: CheckoutTransaction,
  request: Fields,
  outcome: Outcome,
  fields: OutcomeFields,
): CheckoutResult {
  const base = { transactionType: "ISSUE_BILLING_KEY" };
  if (outcome === "decline" || outcome === "cancel") {
    const { pgCode, pgMessage } = outcome === "decline" ? DECLINE : USER_CANCEL;
    if (transaction.billingKey) {
      emitBillingKeyWebhook(
        emulator,
        { billingKey: transaction.billingKey, storeId: emulator.config.storeId, noticeUrls: noticeUrlsOf(request) },
        "BillingKey.Failed",
      );
    }
    return { ...base, code: "FAILURE_TYPE_PG", message: `[${pgCode}] ${pgMessage}`, pgCode, pgMessage };
  }
  const company = CARD_COMPANIES.find(([code]) => code === fields.cardCompany) ?? CARD_COMPANIES[0];
  const lastDigits = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  const record = issueBillingKey(emulator, {
    billingKey: transaction.billingKey,
    channelKey: transaction.channelKey,
    cardNumberMasked: `536181******${lastDigits}`,
    cardName: company[1],
    customer: toCustomer(request.customer),
    customData: request.customData === undefined ? undefined : JSON.stringify(request.customData),
    issueId: typeof request.issueId === "string" ? request.issueId : undefined,
    issueName: typeof request.issueName === "string" ? request.issueName : undefined,
    noticeUrls: noticeUrlsOf(request),
  });
  return { ...base, billingKey: record.billingKey };
}
