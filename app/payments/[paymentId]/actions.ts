"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/lib/auth";
import { formatWon } from "@/lib/format";
import { closeWaitingDeposit } from "@/lib/payments/checkout/close-deposit";
import { refundAccountSchema } from "@/lib/payments/refunds/refund-account";
import { requestRefund } from "@/lib/payments/refunds/request-refund";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { REFUND_MESSAGES } from "./refund-messages";

export type RefundState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: { bank?: string; number?: string; holderName?: string };
  /** The account as typed, shown again after a refusal (React resets a form after its action). */
  values?: { bank: string; number: string; holderName: string };
};

export async function refundAction(_previous: RefundState, formData: FormData): Promise<RefundState> {
  const session = await auth();
  if (!session?.user?.id) return { ok: false, message: "로그인이 필요합니다." };
  if (!(formData instanceof FormData)) return { ok: false, message: REFUND_MESSAGES.not_found };
  const parsed = z
    .object({ paymentId: paymentIdSchema, confirmedAmount: z.coerce.number().int().positive() })
    .safeParse({ paymentId: formData.get("paymentId"), confirmedAmount: formData.get("confirmedAmount") });
  if (!parsed.success) return { ok: false, message: REFUND_MESSAGES.not_found };

  // Only a virtual-account refund form sends an account; requestRefund insists on one for those.
  let refundAccount;
  const values = formData.has("bank")
    ? { bank: String(formData.get("bank") ?? ""), number: String(formData.get("number") ?? ""), holderName: String(formData.get("holderName") ?? "") }
    : undefined;
  if (values) {
    const account = refundAccountSchema.safeParse(values);
    if (!account.success) {
      const errors = account.error.flatten().fieldErrors;
      return { ok: false, message: "환불 계좌를 확인해 주세요.", fieldErrors: { bank: errors.bank?.[0], number: errors.number?.[0], holderName: errors.holderName?.[0] }, values };
    }
    refundAccount = account.data;
  }

  const result = await requestRefund(session.user.id, parsed.data.paymentId, { confirmedAmount: parsed.data.confirmedAmount, refundAccount });
  revalidatePath("/", "layout");
  if (!result.ok) return { ok: false, message: REFUND_MESSAGES[result.code], values };
  return result.status === "COMPLETED"
    ? { ok: true, message: `${formatWon(result.quote.amount)} 환불이 완료되었습니다.` }
    : { ok: true, message: `${formatWon(result.quote.amount)} 환불이 접수되었습니다. 결과가 확인되면 반영됩니다.` };
}

/** Only refusals carry a message: once closed (or credited), the page itself shows the new state. */
export type CloseDepositState = { message?: string };

const CLOSE_DEPOSIT_MESSAGES = {
  not_found: "결제를 찾을 수 없습니다.",
  not_waiting: "이미 입금되었거나 종료된 가상계좌입니다.",
} as const;

export async function closeDepositAction(_previous: CloseDepositState, formData: FormData): Promise<CloseDepositState> {
  const session = await auth();
  if (!session?.user?.id) return { message: "로그인이 필요합니다." };
  if (!(formData instanceof FormData)) return { message: CLOSE_DEPOSIT_MESSAGES.not_found };
  const paymentId = paymentIdSchema.safeParse(formData.get("paymentId"));
  if (!paymentId.success) return { message: CLOSE_DEPOSIT_MESSAGES.not_found };
  try {
    const result = await closeWaitingDeposit(session.user.id, paymentId.data);
    revalidatePath("/", "layout");
    return result.ok ? {} : { message: CLOSE_DEPOSIT_MESSAGES[result.code] };
  } catch (error) {
    console.error(`closing the virtual account of ${paymentId.data} failed`, error);
    return { message: "결제사와 통신하지 못했습니다. 잠시 후 다시 시도해 주세요." };
  }
}
