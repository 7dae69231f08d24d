import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";

/** Up means the database answers too: what load balancers and the test stack ask. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
