"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
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

// The buyer's language, for the action's answers (messages/ checkoutErrors).
const checkoutText = () => getTranslations("checkoutErrors");
const checkoutError = (key: CheckoutRefusal | "paymentNotFound") => async () => (await checkoutText())(key);

// The versions of the texts whose boxes the user ticked on this page (app/charge/consent-fields.tsx).
const agreedVersion = z.string().max(40).optional();
const agreedSchema = z.object({ terms: agreedVersion, privacy: agreedVersion, refund: agreedVersion }).optional();

/** Creates the pending payment on the server and returns the window to open (V2 or V1). */
export const startCheckoutAction = authedCall(
  z.object({
    packageId: z.string().min(1).max(64),
    payOptionId: z.string().min(1).max(32),
    agreed: agreedSchema,
    cashReceipt: z.object({ type: z.enum(CASH_RECEIPT_TYPES), identifier: z.string().max(32) }).optional(),
  }),
  async ({ agreed, ...input }, user) => {
    const consent = await acceptPaymentConsents(user.id, agreed ?? {});
    if (!consent.ok) return { ok: false, error: (await checkoutText())("staleConsent") };
    const result = await createCheckout({
      userId: user.id,
      ...input,
      customer: { name: user.name, email: user.email },
      language: await requestLocale(),
    });
    return result.ok ? { ok: true, data: result.checkout } : { ok: false, error: (await checkoutText())(result.code) };
  },
  { invalid: checkoutError("unknown_package") },
);

async function syncOwnPayment(userId: string, paymentId: string, abandoned: boolean) {
  const t = await checkoutText();
  if (!(await isOwnPayment(userId, paymentId))) return { ok: false as const, error: t("paymentNotFound") };
  try {
    const result = await syncPayment(paymentId, { abandoned });
    if (!result.ok) return { ok: false as const, error: t("paymentNotFound") };
    // The header's balance lives in the root layout.
    revalidatePath("/", "layout");
    return { ok: true as const, data: { status: result.status } };
  } catch (error) {
    log.error({ paymentId, err: error }, "payment completion failed");
    return { ok: false as const, error: t("confirmationDelayed") };
  }
}

/**
 * Asks PortOne for the payment's state and applies it. The owner only: for anyone else the id
 * does not exist, so nothing about another user's payment leaks.
 */
export const completePaymentAction = authedCall(
  z.object({ paymentId: paymentIdSchema }),
  ({ paymentId }, user) => syncOwnPayment(user.id, paymentId, false),
  { invalid: checkoutError("paymentNotFound") },
);

/**
 * The buyer left PortOne's window without completing it (closed or cancelled it, it failed to
 * load, or they came back from it on a phone): the same sync, told nobody is in the window, so
 * an attempt PortOne never saw completed expires now. One PortOne did complete is credited.
 */
export const abandonPaymentAction = authedCall(
  z.object({ paymentId: paymentIdSchema }),
  ({ paymentId }, user) => syncOwnPayment(user.id, paymentId, true),
  { invalid: checkoutError("paymentNotFound") },
);
