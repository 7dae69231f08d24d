"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction, authedCall } from "@/lib/http/action";
import { plainText } from "@/lib/http/plain-text";
import { getFormatters } from "@/lib/i18n/server";
import { LOCALES } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { removePaymentMethod, startPaymentMethodRegistration, syncBillingKey } from "@/lib/billing/payment-methods";
import { createRule, MONTHLY_LIMIT_MAX, stopRule, THRESHOLD_LIMITS, type RuleRefusal } from "@/lib/billing/rules";
import { BILLING_OPTION_IDS } from "@/lib/billing/billing-options";

const PAGE = "/account/payment-methods";

type Answer = Exclude<keyof Messages["paymentMethods"]["answers"], "invalid_threshold">;

/** A sentence of the page's answers in the buyer's language (read only when it is needed). */
const answer = (key: Answer) => async () => (await getTranslations("paymentMethods.answers"))(key);

async function ruleRefusal(code: RuleRefusal): Promise<string> {
  if (code !== "invalid_threshold") return answer(code)();
  const [t, format] = await Promise.all([getTranslations("paymentMethods.answers"), getFormatters()]);
  return t("invalid_threshold", { min: format.count(THRESHOLD_LIMITS.min), max: format.count(THRESHOLD_LIMITS.max) });
}

/** Writes the pending registration and returns PortOne's request for its issuing window. */
export const startRegistrationAction = authedCall(
  z.object({ method: z.enum(BILLING_OPTION_IDS) }),
  async ({ method }, user) => {
    const { locale } = await getFormatters();
    const started = await startPaymentMethodRegistration(user, method, locale);
    return started.ok ? { ok: true, data: started.request } : { ok: false, error: await answer(started.code)() };
  },
  { invalid: answer("not_configured") },
);

/** The window's billing key, checked with PortOne and bound to this user only if it is theirs. */
export const confirmRegistrationAction = authedCall(
  z.object({ billingKey: plainText().min(1).max(200) }),
  async ({ billingKey }, user) => {
    const result = await syncBillingKey(billingKey, user.id);
    if (!result.ok || result.status !== "ACTIVE") return { ok: false, error: await answer("notConfirmed")() };
    revalidatePath(PAGE);
    return { ok: true, data: undefined };
  },
  { invalid: answer("notConfirmed") },
);

export const removePaymentMethodAction = authedAction(
  z.object({ paymentMethodId: z.uuid() }),
  async ({ paymentMethodId }, user) => {
    const result = await removePaymentMethod(user.id, paymentMethodId);
    if (!result.ok)
      return { ok: false, error: await answer(result.code === "not_found" ? "methodGone" : "removeFailed")() };
    revalidatePath(PAGE);
    return { ok: true, data: { message: await answer("removed")() } };
  },
  { invalid: answer("methodNotFound") },
);

/**
 * The ticked box and what it agreed to: the terms' version and the language the form showed them
 * in, so the server rebuilds and records the very words the user read.
 */
const agreement = {
  // Without the ticked box the action is refused.
  agreed: z.literal("on"),
  agreedVersion: z.string().max(40),
  agreedLocale: z.enum(LOCALES),
};

export const createLowBalanceRuleAction = authedAction(
  z.object({
    paymentMethodId: z.uuid(),
    packageId: z.string().min(1).max(64),
    threshold: z.coerce.number().int().min(THRESHOLD_LIMITS.min).max(THRESHOLD_LIMITS.max),
    monthlyLimit: z.coerce.number().int().min(1).max(MONTHLY_LIMIT_MAX),
    ...agreement,
  }),
  async ({ paymentMethodId, packageId, threshold, monthlyLimit, agreedVersion, agreedLocale }, user) => {
    const result = await createRule({
      kind: "low_balance",
      userId: user.id,
      paymentMethodId,
      packageId,
      threshold,
      monthlyLimit,
      agreedVersion,
      locale: agreedLocale,
    });
    if (!result.ok) return { ok: false, error: await ruleRefusal(result.code) };
    revalidatePath(PAGE);
    return { ok: true, data: { message: await answer("lowBalanceStarted")() } };
  },
  {
    invalid: answer("checkInput"),
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
  async ({ paymentMethodId, packageId, dayOfMonth, agreedVersion, agreedLocale }, user) => {
    const result = await createRule({
      kind: "monthly",
      userId: user.id,
      paymentMethodId,
      packageId,
      dayOfMonth,
      agreedVersion,
      locale: agreedLocale,
    });
    if (!result.ok) return { ok: false, error: await ruleRefusal(result.code) };
    revalidatePath(PAGE);
    return { ok: true, data: { message: await answer("monthlyScheduled")() } };
  },
  { invalid: answer("checkInput"), refill: ["paymentMethodId", "packageId", "dayOfMonth"] },
);

export const stopRuleAction = authedAction(
  z.object({ ruleId: z.uuid() }),
  async ({ ruleId }, user) => {
    const result = await stopRule(user.id, ruleId);
    if (!result.ok && result.code === "not_found") return { ok: false, error: await answer("ruleNotFound")() };
    revalidatePath(PAGE);
    if (!result.ok) return { ok: false, error: await answer("stopPending")() };
    return { ok: true, data: { message: await answer("stopped")() } };
  },
  { invalid: answer("ruleNotFound") },
);
