"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { chargeInBackground } from "@/lib/billing/auto-charge";
import { z } from "zod";
import { formatPoints } from "@/lib/format";
import { authedAction } from "@/lib/http/action";
import { findShopItem } from "@/lib/points/shop-items";
import { spendPoints } from "@/lib/points/spend";
import { withObjectParticle } from "@/lib/text/particles";

const NOT_FOUND = "상품을 찾을 수 없습니다.";

export const buyItemAction = authedAction(
  z.object({ itemId: z.string().min(1).max(64) }),
  async ({ itemId }, user) => {
    const item = findShopItem(itemId);
    if (!item) return { ok: false, error: NOT_FOUND };
    // One order per submission; the button is disabled while it runs.
    const result = await spendPoints({
      userId: user.id,
      amount: item.price,
      reference: `shop-${randomUUID()}`,
      memo: item.name,
    });
    if (!result.ok) {
      const total = formatPoints(result.balance.total);
      return result.code === "spending_blocked"
        ? {
            ok: false,
            error: `취소된 결제로 포인트 잔액이 마이너스(${total})여서 사용이 제한되었습니다. 충전하면 다시 사용할 수 있습니다.`,
          }
        : { ok: false, error: `포인트가 부족합니다. (보유 ${total}, 필요 ${formatPoints(item.price)})` };
    }
    after(() => chargeInBackground(result.autoChargePaymentId));
    revalidatePath("/", "layout");
    return {
      ok: true,
      data: {
        message: `${withObjectParticle(item.name)} 구매했습니다. 남은 포인트 ${formatPoints(result.balance.total)}`,
      },
    };
  },
  { invalid: NOT_FOUND },
);
