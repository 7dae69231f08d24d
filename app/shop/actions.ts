"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/lib/auth";
import { formatPoints } from "@/lib/format";
import { findShopItem } from "@/lib/points/shop-items";
import { spendPoints } from "@/lib/points/spend";

export type BuyState = { ok?: boolean; message?: string };

const buySchema = z.object({ itemId: z.string().min(1).max(64) });

export async function buyItemAction(_previous: BuyState, formData: FormData): Promise<BuyState> {
  const session = await auth();
  if (!session?.user?.id) return { ok: false, message: "로그인이 필요합니다." };
  if (!(formData instanceof FormData)) return { ok: false, message: "상품을 찾을 수 없습니다." };
  const parsed = buySchema.safeParse({ itemId: formData.get("itemId") });
  const item = parsed.success ? findShopItem(parsed.data.itemId) : undefined;
  if (!item) return { ok: false, message: "상품을 찾을 수 없습니다." };

  // One order per submission; the button is disabled while it runs.
  const result = await spendPoints({ userId: session.user.id, amount: item.price, reference: `shop-${randomUUID()}`, memo: item.name });
  if (!result.ok && result.code === "spending_blocked") {
    return { ok: false, message: `취소된 결제로 포인트 잔액이 마이너스(${formatPoints(result.balance.total)})여서 사용이 제한되었습니다. 충전하면 다시 사용할 수 있습니다.` };
  }
  if (!result.ok) {
    return { ok: false, message: `포인트가 부족합니다. (보유 ${formatPoints(result.balance.total)}, 필요 ${formatPoints(item.price)})` };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: `${item.name}을(를) 구매했습니다. 남은 포인트 ${formatPoints(result.balance.total)}` };
}
