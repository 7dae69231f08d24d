"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedCall } from "@/lib/http/action";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { acceptPaymentConsents } from "@/lib/legal/consents";
import { CASH_RECEIPT_TYPES } from "@/lib/payments/cash-receipt";
import { createCheckout, type CheckoutRefusal } from "@/lib/payments/checkout/create-checkout";
import { isOwnPayment } from "@/lib/payments/queries";
import { syncPayment } from "@/lib/payments/sync/sync-payment";
import { requestLocale } from "@/lib/i18n/request-locale";
import { log } from "@/lib/observability/log";

const CHECKOUT_ERRORS: Record<CheckoutRefusal, string> = {
  unknown_package: "선택한 충전 상품을 찾을 수 없습니다. 다시 선택해 주세요.",
  unknown_pay_method: "선택한 결제 수단을 사용할 수 없습니다.",
  consent_required: "결제하려면 이용약관, 개인정보 처리방침과 환불 정책에 동의해 주세요.",
  too_many_open_checkouts:
    "완료되지 않은 결제창이 너무 많습니다. 열어 둔 결제를 마치거나 10분 뒤에 다시 시도해 주세요.",
  portone_unavailable: "결제를 준비하지 못했습니다. 잠시 후 다시 시도해 주세요.",
  cash_receipt_unavailable:
    "선택한 결제 수단은 현금영수증을 발급하지 않습니다. 카드 결제는 카드 영수증으로 증빙됩니다.",
  invalid_cash_receipt: "현금영수증 번호가 올바르지 않습니다. 휴대폰 번호나 사업자등록번호를 확인해 주세요.",
};

/** Creates the pending payment on the server and returns the window to open (V2 or V1). */
const STALE_CONSENT = "약관이나 환불 정책이 새로 바뀌었습니다. 페이지를 새로 고쳐 바뀐 내용을 확인해 주세요.";

// The versions of the texts whose boxes the user ticked on this page (app/charge/consent-fields.tsx).
const agreedVersion = z.string().max(40).optional();
const agreedSchema = z.object({ terms: agreedVersion, privacy: agreedVersion, refund: agreedVersion }).optional();

export const startCheckoutAction = authedCall(
  z.object({
    packageId: z.string().min(1).max(64),
    payOptionId: z.string().min(1).max(32),
    agreed: agreedSchema,
    cashReceipt: z.object({ type: z.enum(CASH_RECEIPT_TYPES), identifier: z.string().max(32) }).optional(),
  }),
  async ({ agreed, ...input }, user) => {
    const consent = await acceptPaymentConsents(user.id, agreed ?? {});
    if (!consent.ok) return { ok: false, error: STALE_CONSENT };
    const result = await createCheckout({
      userId: user.id,
      ...input,
      customer: { name: user.name, email: user.email },
      language: await requestLocale(),
    });
    return result.ok ? { ok: true, data: result.checkout } : { ok: false, error: CHECKOUT_ERRORS[result.code] };
  },
  { invalid: CHECKOUT_ERRORS.unknown_package },
);

const PAYMENT_NOT_FOUND = "결제를 찾을 수 없습니다.";

async function syncOwnPayment(userId: string, paymentId: string, abandoned: boolean) {
  if (!(await isOwnPayment(userId, paymentId))) return { ok: false as const, error: PAYMENT_NOT_FOUND };
  try {
    const result = await syncPayment(paymentId, { abandoned });
    if (!result.ok) return { ok: false as const, error: PAYMENT_NOT_FOUND };
    // The header's balance lives in the root layout.
    revalidatePath("/", "layout");
    return { ok: true as const, data: { status: result.status } };
  } catch (error) {
    log.error({ paymentId, err: error }, "payment completion failed");
    return { ok: false as const, error: "결제 확인이 지연되고 있습니다. 잠시 후 내역에서 확인해 주세요." };
  }
}

/**
 * Asks PortOne for the payment's state and applies it. The owner only: for anyone else the id
 * does not exist, so nothing about another user's payment leaks.
 */
export const completePaymentAction = authedCall(
  z.object({ paymentId: paymentIdSchema }),
  ({ paymentId }, user) => syncOwnPayment(user.id, paymentId, false),
  { invalid: PAYMENT_NOT_FOUND },
);

/**
 * The buyer left PortOne's window without completing it (closed or cancelled it, it failed to
 * load, or they came back from it on a phone): the same sync, told nobody is in the window, so
 * an attempt PortOne never saw completed expires now. One PortOne did complete is credited.
 */
export const abandonPaymentAction = authedCall(
  z.object({ paymentId: paymentIdSchema }),
  ({ paymentId }, user) => syncOwnPayment(user.id, paymentId, true),
  { invalid: PAYMENT_NOT_FOUND },
);
