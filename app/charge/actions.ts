"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/lib/auth";
import { createCheckout, type PaymentRequest } from "@/lib/payments/checkout/create-checkout";
import { isOwnPayment } from "@/lib/payments/queries";
import { syncPayment } from "@/lib/payments/sync/sync-payment";
import type { PaymentStatus } from "@/lib/payments/sync/transitions";
import { paymentIdSchema } from "@/lib/http/plain-text";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

const startSchema = z.object({ packageId: z.string().min(1).max(64), payOptionId: z.string().min(1).max(32) });

const CHECKOUT_ERRORS = {
  unknown_package: "선택한 충전 상품을 찾을 수 없습니다. 다시 선택해 주세요.",
  unknown_pay_method: "선택한 결제 수단을 사용할 수 없습니다.",
  too_many_open_checkouts: "완료되지 않은 결제창이 너무 많습니다. 열어 둔 결제를 마치거나 10분 뒤에 다시 시도해 주세요.",
  portone_unavailable: "결제를 준비하지 못했습니다. 잠시 후 다시 시도해 주세요.",
} as const;

/** Creates the pending payment on the server and returns PortOne's request for the window. */
export async function startCheckoutAction(input: { packageId: string; payOptionId: string }): Promise<ActionResult<PaymentRequest>> {
  const session = await auth();
  if (!session?.user?.id) return { ok: false, error: "로그인이 필요합니다." };
  const parsed = startSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: CHECKOUT_ERRORS.unknown_package };

  const result = await createCheckout({
    userId: session.user.id,
    ...parsed.data,
    customer: { name: session.user.name ?? null, email: session.user.email ?? null },
  });
  return result.ok ? { ok: true, data: result.request } : { ok: false, error: CHECKOUT_ERRORS[result.code] };
}

const completeSchema = z.object({ paymentId: paymentIdSchema });

/**
 * Asks PortOne for the payment's state and applies it. The owner only: for anyone else the id
 * does not exist, so nothing about another user's payment leaks.
 */
export async function completePaymentAction(input: { paymentId: string }): Promise<ActionResult<{ status: PaymentStatus }>> {
  const session = await auth();
  if (!session?.user?.id) return { ok: false, error: "로그인이 필요합니다." };
  const parsed = completeSchema.safeParse(input);
  if (!parsed.success || !(await isOwnPayment(session.user.id, parsed.data.paymentId))) {
    return { ok: false, error: "결제를 찾을 수 없습니다." };
  }
  try {
    const result = await syncPayment(parsed.data.paymentId);
    if (!result.ok) return { ok: false, error: "결제를 찾을 수 없습니다." };
    // The header's balance lives in the root layout.
    revalidatePath("/", "layout");
    return { ok: true, data: { status: result.status } };
  } catch (error) {
    console.error(`completing ${parsed.data.paymentId} failed`, error);
    return { ok: false, error: "결제 확인이 지연되고 있습니다. 잠시 후 내역에서 확인해 주세요." };
  }
}
