"use server";

import { revalidatePath } from "next/cache";
import { adjustmentSchema, adjustPoints } from "@/lib/admin/adjustments";
import { adminIdOrNull } from "@/lib/auth/admin";
import { formatPoints } from "@/lib/format";

export type AdjustState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: { delta?: string; reason?: string };
  /** What was typed, so a refused form shows it again (React resets a form after its action). */
  values?: { delta: string; reason: string };
};

export async function adjustPointsAction(_previous: AdjustState, formData: FormData): Promise<AdjustState> {
  const adminId = await adminIdOrNull();
  if (!adminId) return { ok: false, message: "관리자만 포인트를 조정할 수 있습니다." };
  if (!(formData instanceof FormData)) return { ok: false, message: "입력을 확인해 주세요." };
  const values = { delta: String(formData.get("delta") ?? ""), reason: String(formData.get("reason") ?? "") };
  const parsed = adjustmentSchema.safeParse({ userId: formData.get("userId"), ...values });
  if (!parsed.success) {
    const errors = parsed.error.flatten().fieldErrors;
    return { ok: false, message: "입력을 확인해 주세요.", fieldErrors: { delta: errors.delta?.[0], reason: errors.reason?.[0] }, values };
  }
  const result = await adjustPoints(adminId, parsed.data);
  if (!result.ok) {
    return result.code === "user_not_found"
      ? { ok: false, message: "사용자를 찾을 수 없습니다." }
      : { ok: false, message: `보너스 포인트가 음수가 될 수 없습니다. (현재 보너스 ${formatPoints(result.bonus)})`, values };
  }
  revalidatePath(`/admin/users/${parsed.data.userId}`);
  return { ok: true, message: `조정했습니다. 보너스 포인트 ${formatPoints(result.bonusAfter)}` };
}
