"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { chargeInBackground } from "@/lib/billing/auto-charge";
import { z } from "zod";
import { authedAction } from "@/lib/http/action";
import { getFormatters } from "@/lib/i18n/server";
import { findShopItem } from "@/lib/points/shop-items";
import { spendPoints } from "@/lib/points/spend";
import { withObjectParticle } from "@/lib/text/particles";

const notFound = async () => (await getTranslations("shop"))("errors.notFound");

export const buyItemAction = authedAction(
  z.object({ itemId: z.string().min(1).max(64) }),
  async ({ itemId }, user) => {
    const item = findShopItem(itemId);
    if (!item) return { ok: false, error: await notFound() };
    const [t, format] = await Promise.all([getTranslations("shop"), getFormatters()]);
    // The ledger keeps the name the buyer read, so their history shows it in their language.
    const name = t(`items.${item.id}.name`);
    // One order per submission; the button is disabled while it runs.
    const result = await spendPoints({
      userId: user.id,
      amount: item.price,
      reference: `shop-${randomUUID()}`,
      memo: name,
    });
    if (!result.ok) {
      const total = format.points(result.balance.total);
      return result.code === "spending_blocked"
        ? { ok: false, error: t("errors.spendingBlocked", { total }) }
        : { ok: false, error: t("errors.insufficient", { total, price: format.points(item.price) }) };
    }
    after(() => chargeInBackground(result.autoChargePaymentId));
    revalidatePath("/", "layout");
    return {
      ok: true,
      data: {
        message: t("bought", {
          item: format.locale === "ko" ? withObjectParticle(name) : name,
          total: format.points(result.balance.total),
        }),
      },
    };
  },
  { invalid: notFound },
);
