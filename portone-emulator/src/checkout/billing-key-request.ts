import type { Emulator } from "../context.js";
import { emitBillingKeyWebhook, issueBillingKey } from "../domain/billing-keys.js";
import { newBillingKey } from "../domain/ids.js";
import { CARD_COMPANIES, DECLINE, USER_CANCEL } from "./catalog.js";
import { toCustomer } from "./customer.js";
import { readRedirectUrl } from "./payment-request.js";
import { CheckoutError, requireChannel, requireStore, type Fields } from "./request-checks.js";
import { readWindowLanguage } from "./window-language.js";
import type { Outcome, OutcomeFields } from "./payment-outcomes.js";
import type { CheckoutResult, CheckoutTransaction } from "./transaction.js";
import type { BillingKeyRecord } from "../domain/state.js";

/** requestIssueBillingKey: card and easy-pay billing keys are emulated (not mobile or PayPal). */
export function acceptBillingKeyRequest(emulator: Emulator, request: Fields) {
  if (!request.storeId) throw new CheckoutError("BadRequest", "storeId는 필수 입력 항목입니다.");
  if (!request.billingKeyMethod) throw new CheckoutError("BadRequest", "billingKeyMethod는 필수 입력 항목입니다.");
  requireStore(emulator, request.storeId);
  if (request.billingKeyMethod !== "CARD" && request.billingKeyMethod !== "EASY_PAY") {
    throw new CheckoutError(
      "BadRequest",
      "에뮬레이터는 카드와 간편결제 빌링키(billingKeyMethod: CARD, EASY_PAY)만 지원합니다.",
    );
  }
  // The channel decides the wallet: an EASY_PAY key is issued on that provider's channel.
  const channel = requireChannel(emulator, request, "billingKeyMethod");
  const redirectUrl = readRedirectUrl(request.redirectUrl);
  const language = readWindowLanguage(request.locale);
  // PortOne names the key when the window opens (BillingKey.Ready) and reports its fate later.
  const billingKey = newBillingKey();
  emitBillingKeyWebhook(
    emulator,
    { billingKey, storeId: emulator.config.storeId, noticeUrls: noticeUrlsOf(request) },
    "BillingKey.Ready",
  );
  return { channel, redirectUrl, language, billingKey };
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
  const record = issueBillingKey(emulator, {
    billingKey: transaction.billingKey,
    channelKey: transaction.channelKey,
    ...issuedMethod(emulator, transaction, fields),
    customer: toCustomer(request.customer),
    customData: request.customData === undefined ? undefined : JSON.stringify(request.customData),
    issueId: typeof request.issueId === "string" ? request.issueId : undefined,
    issueName: typeof request.issueName === "string" ? request.issueName : undefined,
    noticeUrls: noticeUrlsOf(request),
  });
  return { ...base, billingKey: record.billingKey };
}

/** What the tester chose in the window: a card, or a wallet paying by card or by its balance. */
function issuedMethod(
  emulator: Emulator,
  transaction: CheckoutTransaction,
  fields: OutcomeFields,
): Pick<BillingKeyRecord, "cardNumberMasked" | "cardName" | "easyPay"> {
  const company = CARD_COMPANIES.find(([code]) => code === fields.cardCompany) ?? CARD_COMPANIES[0];
  const lastDigits = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  const card = { cardNumberMasked: `536181******${lastDigits}`, cardName: company[1] };
  if (transaction.payMethod !== "EASY_PAY") return card;
  const channel = emulator.config.channels.find((candidate) => candidate.key === transaction.channelKey);
  const provider = channel?.easyPayProvider ?? "KAKAOPAY";
  return fields.easyPayMethod === "CHARGE"
    ? { easyPay: { provider, method: "CHARGE" } }
    : { ...card, easyPay: { provider, method: "CARD" } };
}
