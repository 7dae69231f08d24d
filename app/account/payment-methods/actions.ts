"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction, authedCall } from "@/lib/http/action";
import { plainText } from "@/lib/http/plain-text";
import { removePaymentMethod, startPaymentMethodRegistration, syncBillingKey } from "@/lib/billing/payment-methods";
import { createRule, MONTHLY_LIMIT_MAX, stopRule, THRESHOLD_LIMITS, type RuleRefusal } from "@/lib/billing/rules";
import type { StartRefusal } from "@/lib/billing/payment-methods";
import { BILLING_OPTION_IDS } from "@/lib/billing/billing-options";

const PAGE = "/account/payment-methods";

const START_ERRORS: Record<StartRefusal, string> = {
  not_configured: "지금은 이 결제 수단을 등록할 수 없습니다.",
  too_many_methods: "결제 수단은 5개까지 등록할 수 있습니다. 쓰지 않는 결제 수단을 먼저 삭제해 주세요.",
  too_many_attempts: "결제 수단 등록을 너무 여러 번 시작했습니다. 10분 뒤에 다시 시도해 주세요.",
};

/** Writes the pending registration and returns PortOne's request for its issuing window. */
export const startRegistrationAction = authedCall(
  z.object({ method: z.enum(BILLING_OPTION_IDS) }),
  async ({ method }, user) => {
    const started = await startPaymentMethodRegistration(user, method);
    return started.ok ? { ok: true, data: started.request } : { ok: false, error: START_ERRORS[started.code] };
  },
  { invalid: START_ERRORS.not_configured },
);

const NOT_REGISTERED = "결제 수단 등록을 확인하지 못했습니다. 잠시 후 결제 수단 목록을 확인해 주세요.";

/** The window's billing key, checked with PortOne and bound to this user only if it is theirs. */
export const confirmRegistrationAction = authedCall(
  z.object({ billingKey: plainText().min(1).max(200) }),
  async ({ billingKey }, user) => {
    const result = await syncBillingKey(billingKey, user.id);
    if (!result.ok || result.status !== "ACTIVE") return { ok: false, error: NOT_REGISTERED };
    revalidatePath(PAGE);
    return { ok: true, data: undefined };
  },
  { invalid: NOT_REGISTERED },
);

export const removePaymentMethodAction = authedAction(
  z.object({ paymentMethodId: z.uuid() }),
  async ({ paymentMethodId }, user) => {
    const result = await removePaymentMethod(user.id, paymentMethodId);
    if (!result.ok)
      return {
        ok: false,
        error:
          result.code === "not_found"
            ? "결제 수단을 찾을 수 없습니다. 이미 삭제되었을 수 있습니다."
            : "PortOne에서 결제 수단을 삭제하지 못했습니다. 잠시 후 다시 시도해 주세요.",
      };
    revalidatePath(PAGE);
    return { ok: true, data: { message: "결제 수단을 삭제했습니다. 이 결제 수단으로는 더 이상 결제되지 않습니다." } };
  },
  { invalid: "결제 수단을 찾을 수 없습니다." },
);

const RULE_ERRORS: Record<RuleRefusal, string> = {
  unknown_package: "충전 상품을 선택해 주세요.",
  unknown_payment_method: "결제 수단을 선택해 주세요.",
  stale_terms: "자동 충전 약관이 바뀌었습니다. 페이지를 새로 고쳐 바뀐 내용을 확인해 주세요.",
  already_exists: "이미 자동 충전을 사용하고 있습니다. 바꾸려면 먼저 해지해 주세요.",
  invalid_day: "결제일은 1일부터 28일 중에서 골라 주세요.",
  invalid_threshold: `기준 잔액은 ${THRESHOLD_LIMITS.min.toLocaleString("ko-KR")} P 이상 ${THRESHOLD_LIMITS.max.toLocaleString("ko-KR")} P 이하로 입력해 주세요.`,
};

const agreement = {
  agreed: z.literal("on", { error: "자동 충전 내용에 동의해 주세요." }),
  agreedVersion: z.string().max(40),
};

export const createLowBalanceRuleAction = authedAction(
  z.object({
    paymentMethodId: z.uuid(),
    packageId: z.string().min(1).max(64),
    threshold: z.coerce.number().int().min(THRESHOLD_LIMITS.min).max(THRESHOLD_LIMITS.max),
    monthlyLimit: z.coerce.number().int().min(1).max(MONTHLY_LIMIT_MAX),
    ...agreement,
  }),
  // `agreed` is checked by the schema: without the ticked box the action is refused.
  async ({ paymentMethodId, packageId, threshold, monthlyLimit, agreedVersion }, user) => {
    const result = await createRule({
      kind: "low_balance",
      userId: user.id,
      paymentMethodId,
      packageId,
      threshold,
      monthlyLimit,
      agreedVersion,
    });
    if (!result.ok) return { ok: false, error: RULE_ERRORS[result.code] };
    revalidatePath(PAGE);
    return { ok: true, data: { message: "자동 충전을 시작했습니다." } };
  },
  {
    invalid: "입력한 내용을 확인해 주세요.",
    refill: ["paymentMethodId", "packageId", "threshold", "monthlyLimit"],
  },
);

export const createMonthlyRuleAction = authedAction(
  z.object({
    paymentMethodId: z.uuid(),
    packageId: z.string().min(1).max(64),
    dayOfMonth: z.coerce.number().int().min(1).max(28),
    ...agreement,
  }),
  async ({ paymentMethodId, packageId, dayOfMonth, agreedVersion }, user) => {
    const result = await createRule({
      kind: "monthly",
      userId: user.id,
      paymentMethodId,
      packageId,
      dayOfMonth,
      agreedVersion,
    });
    if (!result.ok) return { ok: false, error: RULE_ERRORS[result.code] };
    revalidatePath(PAGE);
    return { ok: true, data: { message: "매월 자동 충전을 예약했습니다." } };
  },
  { invalid: "입력한 내용을 확인해 주세요.", refill: ["paymentMethodId", "packageId", "dayOfMonth"] },
);

export const stopRuleAction = authedAction(
  z.object({ ruleId: z.uuid() }),
  async ({ ruleId }, user) => {
    const result = await stopRule(user.id, ruleId);
    if (!result.ok && result.code === "not_found") return { ok: false, error: "자동 충전을 찾을 수 없습니다." };
    revalidatePath(PAGE);
    if (!result.ok)
      return {
        ok: false,
        error:
          "자동 충전을 해지했습니다. 다만 PortOne에 예약된 결제를 아직 취소하지 못해 곧 다시 취소를 요청합니다. 그 사이 결제되면 환불해 드립니다.",
      };
    return { ok: true, data: { message: "자동 충전을 해지했습니다. 앞으로 자동으로 결제되지 않습니다." } };
  },
  { invalid: "자동 충전을 찾을 수 없습니다." },
);
