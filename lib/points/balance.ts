import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import type { Transaction } from "./ledger";
import { users } from "@/db/schema";

export interface Balance {
  paid: number;
  bonus: number;
  total: number;
}

/** The cached balance on the user row, kept equal to the ledger by every ledger write. */
export async function getBalance(userId: string): Promise<Balance> {
  const row = await db.query.users.findFirst({
    where: eq(users.id, userId),
    columns: { paidBalance: true, bonusBalance: true },
  });
  const paid = row?.paidBalance ?? 0;
  const bonus = row?.bonusBalance ?? 0;
  return { paid, bonus, total: paid + bonus };
}

/** Whether the user exists, inside the caller's transaction when it has one. */
export async function userExists(userId: string, tx: Transaction | typeof db = db): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}
