"use server";

import { revalidatePath } from "next/cache";
import { adjustmentSchema, adjustPoints } from "@/lib/admin/adjustments";
import { formatPoints } from "@/lib/format";
import { adminAction } from "@/lib/http/action";

export const adjustPointsAction = adminAction(
  adjustmentSchema,
  async (input, adminId) => {
    const result = await adjustPoints(adminId, input);
    if (!result.ok) {
      return result.code === "user_not_found"
        ? { ok: false, error: "사용자를 찾을 수 없습니다." }
        : { ok: false, error: `보너스 포인트가 음수가 될 수 없습니다. (현재 보너스 ${formatPoints(result.bonus)})` };
    }
    revalidatePath(`/admin/users/${input.userId}`);
    return { ok: true, data: { message: `조정했습니다. 보너스 포인트 ${formatPoints(result.bonusAfter)}` } };
  },
  { forbidden: "관리자만 포인트를 조정할 수 있습니다.", invalid: "입력을 확인해 주세요.", refill: ["delta", "reason"] },
);
