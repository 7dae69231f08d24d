import { ApiError, errorResponse } from "@/lib/http/api-error";
import { BODY_LIMITS, readLimitedText } from "@/lib/http/limited-body";
import { verifyPortOneWebhook } from "@/lib/portone/webhook";
import { processWebhook } from "@/lib/payments/sync/webhook-inbox";

export const dynamic = "force-dynamic";

/** PortOne's webhook: 400 for a bad signature, 200 once handled, 5xx only so PortOne retries. */
export async function POST(request: Request) {
  try {
    const rawBody = await readLimitedText(request, BODY_LIMITS.webhook);
    // The SDK needs a plain object, not a Headers instance.
    const check = await verifyPortOneWebhook(rawBody, Object.fromEntries(request.headers));
    if (!check.ok) throw new ApiError("invalid_signature", `webhook rejected: ${check.reason}`);
    const outcome = await processWebhook(check);
    return Response.json({ outcome });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    console.error("webhook processing failed", error);
    return errorResponse(
      new ApiError("temporarily_unavailable", "The webhook could not be processed now; PortOne retries it."),
    );
  }
}
