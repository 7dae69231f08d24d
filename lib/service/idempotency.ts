import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";
import type { Transaction } from "@/lib/points/ledger";

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Runs `work` once per Idempotency-Key. The key is claimed in the same transaction as the work,
 * so a request either leaves its answer under the key or nothing at all (a crash can be retried).
 * A concurrent request with the same key waits on the claim and then gets the stored answer; the
 * same key with another body is refused with 409.
 */
export async function oncePerKey(
  key: string,
  requestBody: unknown,
  work: (tx: Transaction) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const requestHash = createHash("sha256").update(JSON.stringify(requestBody)).digest("hex");
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ key, requestHash, responseStatus: 0, responseBody: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [stored] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
      if (!stored || stored.requestHash !== requestHash) {
        throw new ApiError("idempotency_key_reused", "This Idempotency-Key was used with a different request.");
      }
      return { status: stored.responseStatus, body: stored.responseBody };
    }
    const response = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body as object })
      .where(eq(idempotencyKeys.key, key));
    return response;
  });
}
