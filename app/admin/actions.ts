"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adjustmentSchema, adjustPoints, type AdjustmentCheckText } from "@/lib/admin/adjustments";
import { adminAction } from "@/lib/http/action";
import type { Formatters } from "@/lib/i18n/formatters";
import { getFormatters } from "@/lib/i18n/server";

type AdjustText = Awaited<ReturnType<typeof getTranslations<"adminAdjust">>>;

// Built per request: the refusals and field checks are in the admin's language.
const adjustForm = (t: AdjustText, checks: AdjustmentCheckText, format: Formatters) =>
  adminAction(
    adjustmentSchema(checks),
    async (input, adminId) => {
      const result = await adjustPoints(adminId, input);
      if (!result.ok) {
        return result.code === "user_not_found"
          ? { ok: false, error: t("userNotFound") }
          : { ok: false, error: t("wouldGoNegative", { bonus: format.points(result.bonus) }) };
      }
      revalidatePath(`/admin/users/${input.userId}`);
      return { ok: true, data: { message: t("adjusted", { bonus: format.points(result.bonusAfter) }) } };
    },
    { forbidden: t("forbidden"), invalid: t("checkInput"), refill: ["delta", "reason"] },
  );

export async function adjustPointsAction(previous: unknown, form: FormData) {
  const [t, checks, format] = await Promise.all([
    getTranslations("adminAdjust"),
    getTranslations("adminAdjustChecks"),
    getFormatters(),
  ]);
  return adjustForm(t, checks, format)(previous, form);
}
