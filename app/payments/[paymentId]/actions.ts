"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction, type ActionResult } from "@/lib/http/action";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { getFormatters } from "@/lib/i18n/server";
import { closeWaitingDeposit } from "@/lib/payments/checkout/close-deposit";
import {
  refundAccountSchema,
  type RefundAccount,
  type RefundAccountCheckText,
} from "@/lib/payments/refunds/refund-account";
import { REFUND_WINDOW_DAYS } from "@/lib/payments/refunds/refund-quote";
import { requestRefund } from "@/lib/payments/refunds/request-refund";
import { log } from "@/lib/observability/log";

const refundSchema = z.object({ paymentId: paymentIdSchema, confirmedAmount: z.coerce.number().int().positive() });

async function refund(
  userId: string,
  input: z.output<typeof refundSchema>,
  refundAccount?: RefundAccount,
): Promise<ActionResult<{ message: string }, never>> {
  const result = await requestRefund(userId, input.paymentId, {
    confirmedAmount: input.confirmedAmount,
    refundAccount,
  });
  revalidatePath("/", "layout");
  const [t, format] = await Promise.all([getTranslations("refund"), getFormatters()]);
  if (!result.ok) return { ok: false, error: t(`errors.${result.code}`, { days: REFUND_WINDOW_DAYS }) };
  const amount = format.money(result.quote.amount, result.currency);
  return { ok: true, data: { message: t(result.status === "COMPLETED" ? "completed" : "accepted", { amount }) } };
}

const refundText = (key: "errors.not_found" | "invalidAccount") => async () => (await getTranslations("refund"))(key);
const closeDepositText = (key: "not_found" | "not_waiting" | "unreachable") => async () =>
  (await getTranslations("closeDeposit"))(`errors.${key}`);

/** A refund to the card (or wallet) that paid; requestRefund refuses it for a virtual account. */
export const refundAction = authedAction(refundSchema, (input, user) => refund(user.id, input), {
  invalid: refundText("errors.not_found"),
});

// Built per request: the account's checks are said in the buyer's language.
const refundToAccountForm = (checks: RefundAccountCheckText) =>
  authedAction(
    refundSchema.extend(refundAccountSchema(checks).shape),
    ({ bank, number, holderName, ...input }, user) => refund(user.id, input, { bank, number, holderName }),
    { invalid: refundText("invalidAccount"), refill: ["bank", "number", "holderName"] },
  );

/** A virtual-account payment has no card to refund to: the form names the account. */
export async function refundToAccountAction(previous: unknown, form: FormData) {
  return refundToAccountForm(await getTranslations("refundAccountChecks"))(previous, form);
}

/** Only refusals carry a message: once closed (or credited), the page itself shows the new state. */
export const closeDepositAction = authedAction(
  z.object({ paymentId: paymentIdSchema }),
  async ({ paymentId }, user) => {
    try {
      const result = await closeWaitingDeposit(user.id, paymentId);
      revalidatePath("/", "layout");
      return result.ok ? { ok: true, data: undefined } : { ok: false, error: await closeDepositText(result.code)() };
    } catch (error) {
      log.error({ paymentId, err: error }, "closing the virtual account failed");
      return { ok: false, error: await closeDepositText("unreachable")() };
    }
  },
  { invalid: closeDepositText("not_found") },
);
