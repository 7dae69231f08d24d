import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { autoChargeEvents, autoChargeRules } from "@/db/schema";

const SHOWN = 50;

/** A user's automatic-charge rules (stopped ones included) and their latest events, for the admin. */
export async function autoChargesForAdmin(userId: string) {
  const [rules, events] = await Promise.all([
    db
      .select()
      .from(autoChargeRules)
      .where(eq(autoChargeRules.userId, userId))
      .orderBy(desc(autoChargeRules.createdAt)),
    db
      .select()
      .from(autoChargeEvents)
      .where(eq(autoChargeEvents.userId, userId))
      .orderBy(desc(autoChargeEvents.createdAt))
      .limit(SHOWN),
  ]);
  return { rules, events };
}
