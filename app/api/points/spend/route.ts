import { after } from "next/server";
import { z } from "zod";
import { chargeInBackground } from "@/lib/billing/auto-charge";
import { ApiError, errorAnswer } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { BODY_LIMITS, readLimitedJson } from "@/lib/http/limited-body";
import { userExists } from "@/lib/points/balance";
import { spendPoints, type SpendRefusal } from "@/lib/points/spend";
import { requireServiceKey } from "@/lib/service/api-key";
import { oncePerKey } from "@/lib/service/idempotency";
import { plainText } from "@/lib/http/plain-text";
import { withRequestId } from "@/lib/observability/request-id";

export const dynamic = "force-dynamic";

const SPEND_REFUSALS: Record<SpendRefusal, string> = {
  insufficient_points: "Not enough points.",
  spending_blocked: "The balance is negative after a cancelled payment.",
};

const bodySchema = z.object({
  userId: z.uuid(),
  amount: z.number().int().positive().max(100_000_000),
  description: plainText().trim().min(1).max(200),
});

/**
 * Spends a user's points on behalf of a host application. Authenticated by the service API key;
 * `Idempotency-Key` makes retries safe: the same key and body answer the same again.
 */
async function spend(request: Request) {
  try {
    const json = await readLimitedJson(request, BODY_LIMITS.spend);
    requireServiceKey(request);
    const key = request.headers.get("idempotency-key")?.trim();
    if (!key || key.length > 200)
      throw new ApiError("idempotency_key_required", "Send an Idempotency-Key header (1-200 characters).");
    const parsed = bodySchema.safeParse(json);
    if (!parsed.success)
      throw new ApiError(
        "invalid_request",
        parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
      );
    const body = parsed.data;

    const response = await oncePerKey(key, body, async (tx) => {
      if (!(await userExists(body.userId, tx))) return errorAnswer("user_not_found", "No such user.");
      const result = await spendPoints(
        { userId: body.userId, amount: body.amount, reference: `api-${key}`, memo: body.description },
        tx,
      );
      if (!result.ok) return errorAnswer(result.code, SPEND_REFUSALS[result.code], { balance: result.balance });
      // Sent once the spend has committed; a process that dies first leaves it to the sweep.
      after(() => chargeInBackground(result.autoChargePaymentId));
      return { status: 200, body: { spent: result.spent, balance: result.balance } };
    });
    return Response.json(response.body, { status: response.status });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = (request: Request) => withRequestId(request, () => spend(request));
