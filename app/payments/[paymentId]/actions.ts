"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formatWon } from "@/lib/format";
import { authedAction, type ActionResult } from "@/lib/http/action";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { closeWaitingDeposit, type CloseDepositRefusal } from "@/lib/payments/checkout/close-deposit";
import { refundAccountSchema, type RefundAccount } from "@/lib/payments/refunds/refund-account";
import { requestRefund } from "@/lib/payments/refunds/request-refund";
import { REFUND_MESSAGES } from "./refund-messages";
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
  if (!result.ok) return { ok: false, error: REFUND_MESSAGES[result.code] };
  const amount = formatWon(result.quote.amount);
  return result.status === "COMPLETED"
    ? { ok: true, data: { message: `${amount} 환불이 완료되었습니다.` } }
    : { ok: true, data: { message: `${amount} 환불이 접수되었습니다. 결과가 확인되면 반영됩니다.` } };
}

/** A refund to the card (or wallet) that paid; requestRefund refuses it for a virtual account. */
export const refundAction = authedAction(refundSchema, (input, user) => refund(user.id, input), {
  invalid: REFUND_MESSAGES.not_found,
});

/** A virtual-account payment has no card to refund to: the form names the account. */
export const refundToAccountAction = authedAction(
  refundSchema.extend(refundAccountSchema.shape),
  ({ bank, number, holderName, ...input }, user) => refund(user.id, input, { bank, number, holderName }),
  { invalid: "환불 계좌를 확인해 주세요.", refill: ["bank", "number", "holderName"] },
);

const CLOSE_DEPOSIT_MESSAGES: Record<CloseDepositRefusal, string> = {
  not_found: "결제를 찾을 수 없습니다.",
  not_waiting: "이미 입금되었거나 종료된 가상계좌입니다.",
};

/** Only refusals carry a message: once closed (or credited), the page itself shows the new state. */
export const closeDepositAction = authedAction(
  z.object({ paymentId: paymentIdSchema }),
  async ({ paymentId }, user) => {
    try {
      const result = await closeWaitingDeposit(user.id, paymentId);
      revalidatePath("/", "layout");
      return result.ok ? { ok: true, data: undefined } : { ok: false, error: CLOSE_DEPOSIT_MESSAGES[result.code] };
    } catch (error) {
      log.error({ paymentId, err: error }, "closing the virtual account failed");
      return { ok: false, error: "결제사와 통신하지 못했습니다. 잠시 후 다시 시도해 주세요." };
    }
  },
  { invalid: CLOSE_DEPOSIT_MESSAGES.not_found },
);
